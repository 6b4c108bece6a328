"""Per-language cue tables for the attribution extractor.

One table per language: English, and Serbian (ekavian: saopštenje, izveštaj), Bosnian (ijekavian:
saopćenje/saopštenje, izvještaj) and Croatian (priopćenje, izvješće). Words are written as a
journalist spells them, with diacritics; ``alternation`` adds the forms typed without them
(saopstenje) and Cyrillic needs nothing: the extractor reads Cyrillic through its Latin view.
The extractor compiles the union of the tables: a sentence's variant is not known before it is
read, and the forms of one variant never mean something else in another.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache


@dataclass(frozen=True)
class CueTable:
    language: str
    # the document that states something, as it stands after "u"/"in"/"prema"/"according to"
    documents: tuple[str, ...] = ()
    # impersonal verbs that a document or a place in it governs: "navodi se u saopštenju", "piše u"
    impersonal: tuple[str, ...] = ()
    # passive "from X": "saopćeno je iz Ministarstva", "ističu iz stranke"
    passive_from: tuple[str, ...] = ()
    # impersonal passive participles of speech verbs: "(kako je) saopšteno iz policije", "iz MUP-a je potvrđeno"
    passive_participles: tuple[str, ...] = ()
    # "u izjavi za RSE", "in an interview with": the medium after them received the statement
    receiver_frames: tuple[str, ...] = ()
    # speech verbs after which "za X" names the receiving medium: "izjavio je za N1"
    receiver_verbs: tuple[str, ...] = ()
    # a medium relays what comes before it: ", prenosi Tanjug", ", izvijestila je televizija Al Jazeera"
    relay_verbs: tuple[str, ...] = ()
    # "prema riječima X", "prema navodima X": X is the source
    according_to: tuple[str, ...] = ()
    # media in general, a source without a name: "mediji prenose", "local media reported"
    generic_media: tuple[str, ...] = ()
    # words that say the next name is a medium: "list Guardian", "televizija Al Jazeera"
    media_words: tuple[str, ...] = ()
    # words that open a sentence but never name a source ("Dalje navode": a dropped subject)
    openers: tuple[str, ...] = ()
    # time adverbs that are not part of a source's name ("juče direktor policije")
    time_words: tuple[str, ...] = ()
    # prepositions that open an adverbial clause before the subject ("Nakon hapšenja policija")
    clause_prepositions: tuple[str, ...] = ()
    # reporting verbs: never part of a name, so a source's name ends before them
    verbs: tuple[str, ...] = ()
    # speech verbs, as they stand after a quote or a clause ("…", izjavio je X) and after a subject (X kaže)
    speech_verbs: tuple[str, ...] = ()
    # participles that report when their subject comes first ("EK je također zaključila", "vlasti su obećale")
    speech_participles: tuple[str, ...] = ()
    # last words of a medium's own name ("Evening News", "Morning Post")
    media_heads: tuple[str, ...] = ()
    # endings of adverbial participles that close a subject ("..., odgovarajući na pitanja")
    participle_endings: tuple[str, ...] = ()
    # what follows "46-" in an age before a name: "46-godišnji Ante Antić", "the 24-year-old"
    age_words: tuple[str, ...] = ()
    # nouns for people that speak without a name or a title ("kaže kolumnista", "rekla je majka")
    person_nouns: tuple[str, ...] = ()
    # endings of place and nationality adjectives in the dative before a name ("prema zagrebačkom Institutu")
    adjective_endings: tuple[str, ...] = ()
    # adverbial participles of speech verbs: the subject of the clause before them speaks ("X je odbila
    # zakon, rekavši da ...")
    adverbial_speech_participles: tuple[str, ...] = ()
    # conjunctions that open a subordinate clause: the noun after them is not the sentence's subject
    subordinators: tuple[str, ...] = ()
    # reflexive speech verbs, said with "se" ("X se oglasio na Twitteru", "osvrnuo se na nominaciju")
    reflexive_speech: tuple[str, ...] = ()
    # speech verbs by which a speaker publishes the words himself ("tweeted"): no medium passed them on
    self_published: tuple[str, ...] = ()


ENGLISH = CueTable(
    language="en",
    documents=("report", "statement", "communique", "communiqué", "indictment", "study", "survey", "letter",
               "press release", "news release", "document", "memo", "analysis", "filing", "ruling", "verdict",
               "decision", "poll", "polls", "records", "papers"),
    impersonal=("it said", "it says", "it added", "it stated"),
    receiver_frames=("in an interview with", "in an interview for", "in a statement to", "in comments to",
                     "speaking to", "talking to", "speaking with", "talking with"),
    relay_verbs=("reported", "reports", "wrote", "writes", "reported on", "broadcast"),
    speech_verbs=("said", "says", "told", "added", "stated", "explained", "noted", "argued", "claimed", "claims",
                  "insisted", "warned", "announced", "confirmed", "admitted", "acknowledged", "suggested", "wrote",
                  "tweeted", "testified", "maintains", "believes", "denied", "denies", "alleged", "alleges",
                  "revealed", "recalled", "predicted", "estimated", "estimates", "concluded", "conceded",
                  "complained", "stressed", "emphasized", "emphasised", "asserted", "declared", "shows", "showed",
                  "found", "indicated", "indicate", "indicates", "hinted", "said afterwards", "announced",
                  "reiterated", "insists", "argues", "explains", "notes", "adds", "writes",
                  # the plural present and a few more past forms
                  "argue", "claim", "warn", "warns", "insist", "suggest", "suggests", "allege", "deny", "contend",
                  "contends", "maintain", "recommended", "cautioned", "remarked", "observed", "replied",
                  "responded", "countered", "joked", "quipped"),
    media_heads=("news", "post", "times", "journal", "herald", "tribune", "gazette", "courier", "telegraph",
                 "mirror", "sun", "express", "observer", "chronicle", "magazine", "weekly", "press", "agency", "tv",
                 "radio", "network", "channel", "examiner", "dispatch", "inquirer", "ledger", "bulletin", "zeitung",
                 "hill", "programme", "program", "show", "globe"),
    generic_media=("media", "local media", "state media", "media reports", "local media reports", "news reports",
                   "press reports"),
    media_words=("newspaper", "daily", "weekly", "agency", "news agency", "broadcaster", "television", "tv",
                 "radio", "channel", "portal", "website", "magazine", "outlet", "tabloid", "news site", "site",
                 "publication", "paper", "network", "station", "programme", "program", "show", "podcast"),
    openers=("also", "further", "however", "meanwhile", "moreover", "then", "later", "earlier", "still"),
    time_words=("yesterday", "today", "tonight", "earlier", "later", "on monday", "on tuesday", "on wednesday",
                "on thursday", "on friday", "on saturday", "on sunday", "last week", "this week", "recently"),
    clause_prepositions=("after", "before", "following", "during", "despite"),
    participle_endings=("ing",),
    age_words=("year-old", "year-olds"),
    self_published=("tweeted", "tweets", "posted", "retweeted"),
    # ", speaking to reporters in London, said": an aside between the subject and its verb
    adverbial_speech_participles=("speaking", "talking", "writing", "commenting", "responding", "answering",
                                  "addressing", "appearing", "testifying", "referring", "replying"),
    person_nouns=("woman", "man", "creator", "friend", "mother", "father", "resident", "residents", "witness",
                  "witnesses", "neighbour", "neighbor", "owner", "lawyer", "lawyers", "attorney", "attorneys", "doctor",
                  "teacher", "student", "victim", "survivor", "spokesman", "spokeswoman", "spokesperson", "official",
                  "source", "insider", "aide", "adviser", "advisor", "expert", "analyst", "researcher", "scientist",
                  "author", "reporter", "correspondent", "director", "coach", "manager", "chairman", "president",
                  "founder", "organiser", "organizer"),
)

# What Serbian, Bosnian and Croatian share; each variant's table adds its own spellings.
_BCS_COMMON = dict(
    reflexive_speech=tuple(f"{stem}{ending}" for stem in ("oglasi", "osvrnu", "požali", "pohvali")
                           for ending in ("o", "la", "li", "le", "lo")),
    adverbial_speech_participles=("rekavši", "kazavši", "izjavivši", "navodeći", "ističući", "istakavši", "dodajući",
                                  "dodavši", "naglašavajući", "naglasivši", "ocjenjujući", "ocenjujući", "ocijenivši",
                                  "ocenivši", "tvrdeći", "upozoravajući", "upozorivši", "objašnjavajući", "objasnivši",
                                  "podsjećajući", "podsećajući", "napominjući", "napomenuvši", "potvrdivši",
                                  "najavivši", "poručivši", "poručujući", "pojasnivši", "obrazlažući", "obrazloživši"),
    subordinators=("kada", "kad", "ako", "iako", "mada", "dok", "pošto", "nakon", "kako", "jer", "da", "čim", "ukoliko",
                   "budući"),
    self_published=tuple(f"{stem}{ending}" for stem in ("tvitova", "tvita", "tvitnu", "retvitova")
                         for ending in ("o", "la", "li", "le")) + ("tvituje", "tvitu", "tvita"),
    impersonal=("navodi se", "navode se", "dodaje se", "ističe se", "kaže se", "naglašava se", "precizira se",
                "objašnjava se", "upozorava se", "podseća se", "podsjeća se", "navedeno je", "naglašeno je",
                "istaknuto je", "rečeno je", "dodato je", "dodano je", "ocenjeno je", "ocijenjeno je", "piše",
                "stoji", "konstatuje se", "konstatira se", "tvrdi se", "se navodi", "se dodaje", "se ističe",
                "se kaže", "se naglašava", "se precizira", "se tvrdi", "se konstatuje", "se konstatira"),
    passive_participles=("saopšteno", "saopćeno", "priopćeno", "potvrđeno", "rečeno", "navedeno", "istaknuto",
                         "objavljeno", "najavljeno", "naglašeno", "kazano", "izjavljeno", "pojašnjeno", "objašnjeno",
                         "dodano", "dodato", "precizirano", "ocijenjeno", "ocenjeno", "upozoreno", "poručeno",
                         "demantovano", "demantirano", "javljeno", "preneseno", "prenijeto", "preneto", "odgovoreno",
                         "zaključeno", "obrazloženo", "napomenuto", "podsjećeno", "podsećeno"),
    passive_from=("saopšteno je iz", "saopćeno je iz", "priopćeno je iz", "rečeno je iz", "navode iz", "ističu iz",
                  "kažu iz", "tvrde iz", "poručili su iz", "poručuju iz", "upozoravaju iz", "najavljuju iz",
                  "navedeno je iz", "potvrđeno je iz", "potvrdili su iz", "objasnili su iz", "kazali su iz",
                  "rekli su iz", "naveli su iz", "istakli su iz", "odgovorili su iz", "doznaje se iz",
                  "saznaje se iz", "javljaju iz", "saopštili su iz", "saopćili su iz", "priopćili su iz",
                  "kažu sa", "kažu s", "navode sa", "ističu sa", "tvrde sa", "poručuju sa", "kazali su sa",
                  "rekli su sa", "saopšteno je sa", "saopćeno je sa", "kažu u", "ističu u", "navode u", "tvrde u",
                  "poručuju u", "objašnjavaju u"),
    receiver_frames=("u izjavi za", "u intervjuu za", "u razgovoru za", "u interviewu za", "u izjavi datoj za",
                     "u obraćanju za", "u gostovanju na", "gostujući na", "gostujući u"),
    receiver_verbs=("izjavio je", "izjavila je", "izjavili su", "izjavile su", "rekao je", "rekla je", "rekli su",
                    "kazao je", "kazala je", "kazali su", "potvrdio je", "potvrdila je", "potvrdili su",
                    "naveo je", "navela je", "naveli su", "ocenio je", "ocijenio je", "ocenila je", "ocijenila je",
                    "dodao je", "dodala je", "istakao je", "istakla je", "objasnio je", "objasnila je",
                    "izjavio", "izjavila", "rekao", "rekla", "kazao", "kazala", "potvrdio", "potvrdila",
                    "govoreći", "kaže", "kažu", "izjavljuje", "tvrdi", "govori"),
    relay_verbs=("prenosi", "prenose", "javlja", "javljaju", "piše", "pišu", "navodi", "navode",
                 "prenijela", "prenio", "preneo", "prenela", "prenijeli", "preneli",  # ", a prenijela agencija HINA"
                 "izveštava", "izvještava", "izvješćuje", "izveštavaju", "izvještavaju", "izvješćuju", "objavio je", "objavila je", "objavilo je",
                 "preneo je", "prenela je", "prenelo je", "prenio je", "prenijela je", "prenijelo je",
                 "javio je", "javila je", "javilo je", "pisao je", "pisala je", "pisalo je",
                 "izvestio je", "izvestila je", "izvestilo je", "izvijestio je", "izvijestila je", "izvijestilo je",
                 "izvijestili su", "izvestili su", "prenijeli su", "preneli su", "javili su", "objavili su",
                 "objavile su", "javile su", "prenijele su", "prenele su", "izvijestile su", "izvestile su"),
    according_to=("pisanju", "navodima", "rečima", "riječima", "tvrdnjama", "izjavi", "izjavama", "saznanjima",
                  "informacijama", "procenama", "procjenama", "proceni", "procjeni", "analizama", "prognozama", "podacima", "podatcima", "analizi", "istraživanju",
                  "mišljenju", "tvrdnji", "saopštenju", "saopćenju", "priopćenju", "izvješću", "nalazu",
                  "oceni", "ocjeni", "nalazima", "zaključku", "zaključcima"),
    generic_media=("mediji", "medija", "medijima", "lokalni mediji", "lokalnih medija", "lokalnim medijima",
                   "državni mediji", "državnih medija", "strani mediji", "stranih medija", "regionalni mediji",
                   "pojedini mediji", "neki mediji", "brojni mediji", "hrvatski mediji", "srpski mediji",
                   "bosanskohercegovački mediji", "bh. mediji", "ruski mediji", "američki mediji", "britanski mediji",
                   "agencije", "svjetske agencije", "svetske agencije", "strane agencije", "novinske agencije",
                   "njemački mediji", "nemački mediji", "turski mediji", "izraelski mediji", "iranski mediji",
                   "kineski mediji", "francuski mediji", "italijanski mediji", "talijanski mediji",
                   # the accusative after "za": "izjavila je za lokalne medije"
                   "medije", "lokalne medije", "strane medije", "domaće medije", "državne medije", "bosanske medije",
                   "srpske medije", "hrvatske medije", "regionalne medije", "bh. medije"),
    media_words=("list", "lista", "listu", "listom", "dnevnik", "dnevnika", "dnevniku", "dnevni list",
                 "dnevnog lista", "dnevnom listu", "nedeljnik", "nedeljnika", "nedeljniku", "nedjeljnik",
                 "nedjeljnika", "nedjeljniku", "tjednik", "tjednika", "tjedniku", "magazin", "magazina", "magazinu",
                 "časopis", "časopisa", "časopisu", "portal", "portala", "portalu", "agencija", "agencije", "agenciji",
                 "agenciju", "televizija", "televizije", "televiziji", "televiziju", "radio", "radija", "radiju",
                 "TV", "tv", "kanal", "kanala", "kanalu", "sajt", "sajta", "sajtu", "novine", "novina",
                 "novinama", "servis", "servisa", "servisu", "tabloid", "tabloida", "tabloidu", "glasilo",
                 "glasila", "glasilu", "informativni portal", "informativnog portala", "news portal",
                 "publikacija", "publikacije", "publikaciji", "publikaciju"),
    openers=("dalje", "usto", "uz to", "takođe", "također", "isto", "ipak", "međutim", "zatim", "inače", "potom", "naime",
             "ranije", "kasnije", "osim", "dodatno", "nadalje", "stoga", "zato", "tada", "tu", "tamo", "ovdje",
             "prošlog", "prošle", "prošlogodišnji", "ovog", "ove", "sljedećeg", "sledećeg", "idućeg", "no",
             "ovde", "sada", "sad", "ujedno", "također", "kako", "nakon", "posle", "poslije", "tokom", "tijekom",
             "pritom", "pri", "prema", "sa", "za", "iz", "od", "do", "on", "ona", "oni", "one", "ono", "mi", "vi",
             "ja", "ti", "oba", "obojica", "svi", "neki", "mnogi", "većina", "jedni", "drugi", "ovo", "to",
             "ovaj", "taj", "ova", "ta", "ovi", "ti", "time", "tim", "ovim", "zbog", "uprkos", "unatoč",
             "danas", "juče", "jučer", "sinoć", "jutros", "večeras", "sutra", "prekjuče", "prekjučer", "naprimjer", "naprimer", "uglavnom", "nezvanično", "nezvanicno",
             "neslužbeno",
             "recimo"),
    time_words=("juče", "jučer", "danas", "sinoć", "jutros", "večeras", "sutra", "prekjuče", "prekjučer",
                "ranije", "kasnije", "nedavno", "upravo", "takođe", "također", "ponovo", "ponovno", "opet",
                "ovom prilikom", "tom prilikom", "u ponedeljak", "u ponedjeljak", "u utorak", "u sredu",
                "u srijedu", "u četvrtak", "u petak", "u subotu", "u nedelju", "u nedjelju", "prošle sedmice",
                "prošle nedelje", "prošlog tjedna", "ove sedmice", "ovog tjedna", "večeras", "sinoć", "dan ranije",
                "dan kasnije", "između ostalog"),
    clause_prepositions=("nakon", "posle", "poslije", "pre", "prije", "tokom", "tijekom", "zbog", "povodom",
                         "uoči", "nakon što", "kada", "kad", "dok", "iako", "mada", "uprkos", "unatoč", "pred",
                         "prilikom"),
    participle_endings=("ći", "vši", "ci", "vsi"),
    adjective_endings=("skom", "čkom", "škom", "skoj", "čkoj", "škoj", "skim", "čkim", "škim"),
    person_nouns=("upućeni", "policajac", "policajka", "policajci", "vojnik", "vojnici", "liječnik", "ljekarka",
                  "kolumnista", "kolumnistica", "novinar", "novinarka", "autor", "autorka", "autorica", "urednik",
                  "urednica", "dopisnik", "dopisnica", "majka", "otac", "svjedok", "svedok", "očevidac", "očevici",
                  "stanovnik", "stanovnica", "stanovnici", "vlasnik", "vlasnica", "student", "studentica", "studentkinja",
                  "ljekar", "lekar", "doktor", "doktorica", "advokat", "advokatica", "odvjetnik", "odvjetnica",
                  "branitelj", "branilac", "tužilac", "tužitelj", "sudija", "sutkinja", "sudac", "istražitelj",
                  "pisac", "umjetnik", "umetnik", "radnik", "radnici", "građani", "roditelji", "mještani", "meštani",
                  "ljudi", "stručnjak", "stručnjakinja", "stručnjaci"),
    age_words=("godišnji", "godišnja", "godišnje", "godišnjeg", "godišnjem", "godišnjoj", "godišnju", "godišnjak",
               "godišnjakinja", "godišnjaci"),
    speech_verbs=("izjavio je", "izjavila je", "izjavili su", "izjavile su", "rekao je", "rekla je", "rekli su",
                  "kazao je", "kazala je", "kazali su", "naveo je", "navela je", "naveli su", "dodao je",
                  "dodala je", "dodali su", "istakao je", "istakla je", "istakli su", "naglasio je", "naglasila je",
                  "naglasili su", "objasnio je", "objasnila je", "upozorio je", "upozorila je", "upozorili su",
                  "ocijenio je", "ocenio je", "ocijenila je", "ocenila je", "zaključio je", "zaključila je",
                  "zaključili su", "poručio je", "poručila je", "poručili su", "potvrdio je", "potvrdila je",
                  "potvrdili su", "pojasnio je", "pojasnila je", "precizirao je", "naveo je", "tvrdi", "tvrde",
                  "kaže", "kažu", "smatra", "smatraju", "ističe", "ističu", "naglašava", "naglašavaju",
                  "napominje", "napominju", "navodi", "navode", "dodaje", "dodaju", "upozorava", "upozoravaju",
                  "ocjenjuje", "ocenjuje", "tvrdio je", "tvrdila je", "saopštio je", "saopštila je", "saopćio je",
                  "saopćila je", "priopćio je", "priopćila je", "saopštilo je", "saopćilo je", "priopćilo je",
                  "izjavio", "izjavila", "rekao", "rekla", "kazao", "kazala", "istakao", "istakla", "naglasio",
                  "naglasila", "objasnio", "objasnila", "saopštio", "saopštila", "saopćio", "saopćila",
                  "priopćio", "priopćila", "najavio je", "najavila je", "obećao je", "obećala je", "obećali su",
                  "optužio je", "optužila je", "optužili su", "kritikuje", "kritizira", "tvrdili su",
                  "preporučila je", "preporučio je", "zatražio je", "zatražila je", "zatražili su", "ponovio je",
                  "ponovila je", "izrazio je", "izrazila je", "izrazili su", "pozvao je", "pozvala je",
                  "pozvali su", "upitao je", "upitala je", "priznao je", "priznala je", "negira", "negirao je", "porekla je", "je porekla",
                  "poriče", "porekao je", "odgovorio je", "odgovorila je", "govori", "piše", "pišu", "piše u",
                  "prenosi", "prenose", "sugeriše", "sugerira", "procjenjuje", "procenjuje", "vjeruje", "veruje",
                  "misli", "očekuje", "očekuju", "pokazuju", "pokazuje", "svjedočio je", "svedočio je",
                  "ukazao je", "ukazala je", "ukazuje", "insistira", "predlaže", "predložio je", "saopštili su",
                  "saopćili su", "priopćili su", "izvijestio je", "izvijestila je", "objavio je", "objavila je",
                  "objavilo je", "najavili su", "naveli su", "ocijenili su", "ocenili su", "istakao", "dodao",
                  "dodala", "naveo", "navela", "napisao je", "napisala je", "je izjavio", "je izjavila",
                  "je rekao", "je rekla", "je kazao", "je kazala", "je naveo", "je navela", "je dodao",
                  "je dodala", "je istakao", "je istakla", "je naglasio", "je naglasila", "je saopštio",
                  "je saopštila", "je saopćio", "je saopćila", "je priopćio", "je priopćila", "je saopštilo",
                  "je ocijenio", "je ocenio", "je upozorio", "je upozorila", "je poručio", "je poručila",
                  "je potvrdio", "je potvrdila", "je zaključio", "je zaključila", "je najavio", "je najavila",
                  "je obećao", "je obećala", "je objasnio", "je objasnila", "je izrazio", "je izrazila",
                  "je pozvao", "je pozvala", "je preporučila", "je preporučio", "je ponovio", "je ponovila",
                  "su izjavili", "su rekli", "su kazali", "su naveli", "su saopštili", "su saopćili",
                  "su priopćili", "su upozorili", "su zaključili", "su optužili", "su obećali", "su izrazili",
                  "su pozvali", "su potvrdili", "su poručili", "su ocijenili", "su ocenili", "su istakli",
                  "su naglasili", "su najavili", "su tvrdili"),
    speech_participles=tuple(f"{stem}{ending}" for stem in (
        "zaključi", "obeća", "optuži", "upozori", "izjavi", "reko", "kaza", "nagla", "ista", "potvrdi", "najavi",
        "ocijeni", "oceni", "preporuči", "saopšti", "saopći", "priopći", "izrazi", "pozva", "ponovi", "negira",
        "odbaci", "poruči", "zatraži", "tvrdi", "objasni", "predloži", "zahtijeva", "zahteva", "kritikova",
        "reagova", "ukaza", "priznade", "istak", "dod", "nave", "izvijesti", "izvesti", "objavi", "pis", "napisa",
        "tvita", "tvitova", "govori", "upozorava", "najavljiva", "precizira", "istaknu", "napomenu", "podsjeti",
        "podseti", "konstatova", "konstatira", "pojasni", "ustvrdi", "uvjeri", "uveri", "obrazloži", "požali",
        "procijeni", "proceni", "ocijeni", "demantova", "demantira", "porica", "odgovori", "upita", "svjedoči",
        "svedoči", "izne", "iznije", "nagovijesti", "nagovesti", "apelova", "insistira", "opovrgnu", "prenije",
        "prene", "javi", "izvijesti", "komentarisa", "komentira", "dopuni", "sugerisa", "sugerira", "ukaziva",
        "upozoriva", "poruči", "istica", "naglašava", "navodi")
        for ending in ("la", "li", "le", "lo")) + ("porekao", "porekli", "svjedočio", "svedočio", "izneo", "iznio",
                                                   "nagovijestio", "nagovestio", "apelovao",
                                                   "insistirao", "opovrgnuo", "demantovao", "demantirao",
                                                   "komentarisao", "komentirao", "dopunio", "sugerisao", "sugerirao",
                                                   "isticao", "naglašavao", "navodio", "preneo", "prenio", "javio",
                                                   "izvijestio", "izvestio", "objavio", "saopštio", "saopćio",
                                                   "priopćio", "pitao", "upitao") + ("rekao", "rekla", "rekli", "izjavio", "kazao", "naglasio",
                                                   "istakao", "dodao", "naveo", "zaključio", "obećao", "optužio",
                                                   "upozorio", "potvrdio", "najavio", "ocijenio", "ocenio",
                                                   "preporučio", "izrazio", "pozvao", "ponovio", "negirao",
                                                   "odbacio", "poručio", "zatražio", "tvrdio", "objasnio",
                                                   "predložio", "reagovao", "ukazao", "napisao", "tvitao",
                                                   "precizirao", "istaknuo", "napomenuo", "podsjetio", "podsetio",
                                                   "konstatovao", "konstatirao", "pojasnio", "ustvrdio", "obrazložio",
                                                   "procijenio", "procenio", "odgovorio", "upitao",
                                                   "tvitovao", "govorio", "upozoravao", "napominje",
                                                   "napominju", "smatra", "smatraju", "procjenjuje", "vjeruje",
                                                   "veruje", "tvrdi", "tvrde", "kaže", "kažu", "ističe", "ističu",
                                                   "naglašava", "naglašavaju", "upozorava", "upozoravaju",
                                                   "izvještavaju", "izveštavaju", "pokazuju", "pokazuje",
                                                   # the present of speech verbs, as they follow their subject
                                                   "poručuje", "poručuju", "podsjeća", "podsjećaju", "podseća",
                                                   "podsećaju", "konstatuje", "konstatuju", "konstatira",
                                                   "konstatiraju", "objašnjava", "objašnjavaju", "pojašnjava",
                                                   "pojašnjavaju", "precizira", "zaključuje", "zaključuju",
                                                   "najavljuje", "najavljuju", "potvrđuje", "potvrđuju", "priznaje",
                                                   "priznaju", "demantuje", "demantira", "opovrgava", "opovrgavaju",
                                                   "komentariše", "komentira", "ukazuje", "ukazuju", "preporučuje",
                                                   "sugeriše", "sugerira", "odbacuje", "odbacuju", "negira", "negiraju",
                                                   "insistira",
                                                   "insistiraju", "napominje", "dodaje", "dodaju", "navodi", "navode",
                                                   "izjavljuje", "izjavljuju", "ocjenjuje", "ocenjuje", "ocjenjuju",
                                                   "ocenjuju", "apeluje", "apeluju",
                                                   "upozorava", "izvješćuje", "izvještava", "izveštava", "javlja",
                                                   "javljaju", "prenosi", "prenose", "piše", "pišu", "govori", "govore"),
    media_heads=("news", "post", "times", "journal", "herald", "tribune", "daily", "press", "tv", "radio",
                 "novine", "novosti", "vijesti", "vesti", "dnevnik", "list", "portal", "televizija", "info",
                 "gazeta", "courier", "magazin", "nedeljnik", "tjednik"),
    verbs=("se", "rekao", "rekla", "rekli", "reče", "izjavio", "izjavila", "izjavili", "izjavilo", "kazao", "kazala",
           "kazali", "naveo", "navela", "naveli", "navelo", "dodao", "dodala", "dodali", "istakao", "istakla",
           "istakli", "objasnio", "objasnila", "najavio", "najavila", "najavili", "potvrdio", "potvrdila",
           "potvrdili", "potvrdilo", "ocenio", "ocijenio", "ocenila", "ocijenila", "upozorio", "upozorila",
           "upozorili", "saopštio", "saopštila", "saopštili", "saopštilo", "saopćio", "saopćila", "saopćili",
           "saopćilo", "priopćio", "priopćila", "priopćili", "priopćilo", "izvijestio", "izvijestila",
           "izvijestilo", "izvestio", "izvestila", "izvestilo", "objavio", "objavila", "objavilo", "objavili",
           "preneo", "prenela", "prenelo", "prenio", "prenijela", "prenijelo", "javio", "javila", "javilo",
           "tvrdi", "tvrde", "kaže", "kažu", "ističe", "ističu", "smatra", "smatraju", "poručio", "poručila",
           "poručili", "zatražio", "zatražila", "pojasnio", "pojasnila", "precizirao", "precizirala", "naglasio",
           "naglasila", "naglasili", "govoreći", "rekavši", "izjavljuje", "navodi", "navode", "dodaje", "dodaju",
           "piše", "pišu", "prenosi", "prenose", "javlja", "javljaju", "izvještava", "izveštava", "saznaje",
           "saznaju", "doznaje", "doznaju", "citira", "citiraju", "ocjenjuje", "ocenjuje", "tvrdio", "tvrdila",
           "komentarisao", "komentarisala", "komentirao", "komentirala", "odgovorio", "odgovorila", "pitao",
           "napisao", "napisala", "napisali", "poručuje", "upozorava", "upozoravaju", "najavljuje", "govori",
           "govore", "pokazuje", "pokazuju", "otkriva", "otkrivaju", "sugerira", "sugeriše"),
)
_SR_DOCUMENTS = ("saopštenje", "saopštenju", "saopštenja", "saopštenjem", "izveštaj", "izveštaju", "izveštaja",
                 "izveštajem", "optužnica", "optužnici", "optužnice", "optužnicom", "pismo", "pismu", "pisma",
                 "dokument", "dokumentu", "dokumenta", "studija", "studiji", "studije", "analiza", "analizi",
                 "analize", "presuda", "presudi", "presude", "odluka", "odluci", "odluke", "rešenje", "rešenju",
                 "zaključak", "zaključku", "zaključcima", "zapisnik", "zapisniku", "depeša", "depeši", "depeše",
                 "obaveštenje", "obaveštenju", "obaveštenja", "soopštenje", "nalaz", "nalazu", "nalazima",
                 "rezolucija", "rezoluciji", "rezolucije", "deklaracija", "deklaraciji", "deklaracije",
                 "pismeno saopštenje", "pisanom saopštenju", "zajedničkom saopštenju", "zajedničko saopštenje",
                 "pismu upućenom", "tužba", "tužbi", "tužbe", "prijava", "prijavi", "krivična prijava",
                 "krivičnoj prijavi", "istraživanje", "istraživanju", "anketa", "anketi", "ankete", "anketama",
                 "podaci", "podacima", "podataka", "izveštajima", "saopštenjima", "izjava", "izjavi", "izjavom",
                 "sporazum", "sporazumu", "sporazuma", "pregled", "pregledu", "pregleda", "rang listi", "rang listu",
                 "rang lista", "listi", "poretku", "prezentaciji", "prezentaciju")
SERBIAN = CueTable(language="sr", documents=_SR_DOCUMENTS, **_BCS_COMMON)
BOSNIAN = CueTable(
    language="bs",
    documents=tuple(d.replace("izvešt", "izvješt").replace("izveštaj", "izvještaj") for d in _SR_DOCUMENTS)
    + ("izvještaj", "izvještaju", "izvještaja", "izvještajem", "saopćenje", "saopćenju", "saopćenja",
       "saopćenjem", "obavještenje", "obavještenju", "obavještenja", "rješenje", "rješenju",
       "pisanom saopćenju", "zajedničkom saopćenju", "optužnica", "optužnici", "krivičnoj prijavi", "izvještajima",
       "saopćenjima"),
    **_BCS_COMMON)
CROATIAN = CueTable(
    language="hr",
    documents=("priopćenje", "priopćenju", "priopćenja", "priopćenjem", "izvješće", "izvješću", "izvješća",
               "izvješćem", "izvještaj", "izvještaju", "izvještaja", "optužnica", "optužnici", "optužnice",
               "optužnicom", "pismo", "pismu", "pisma", "dokument", "dokumentu", "dokumenta", "studija",
               "studiji", "studije", "analiza", "analizi", "analize", "presuda", "presudi", "presude", "odluka",
               "odluci", "odluke", "rješenje", "rješenju", "zaključak", "zaključku", "zaključcima", "zapisnik",
               "zapisniku", "obavijest", "obavijesti", "nalaz", "nalazu", "nalazima", "rezolucija", "rezoluciji",
               "deklaracija", "deklaraciji", "pisanom priopćenju", "zajedničkom priopćenju", "tužba", "tužbi",
               "prijava", "prijavi", "kaznena prijava", "kaznenoj prijavi", "istraživanje", "istraživanju",
               "anketa", "anketi", "anketama", "izjava", "izjavi", "izjave", "izjavom", "podaci", "podacima",
               "podataka", "izvješćima", "priopćenjima", "sporazum", "sporazumu", "sporazuma", "pregled", "pregledu",
               "pregleda", "podatci", "podatcima", "rang listi", "rang listu", "rang lista", "listi", "ljestvici",
               "ljestvica", "poretku", "prezentaciji", "prezentaciju"),
    **_BCS_COMMON)

TABLES: dict[str, CueTable] = {t.language: t for t in (ENGLISH, SERBIAN, BOSNIAN, CROATIAN)}
SOUTH_SLAVIC = ("sr", "bs", "hr")


@lru_cache(maxsize=None)
def words(field_name: str, languages=tuple(TABLES)) -> tuple[str, ...]:
    """The union of one field over some languages' tables, longest first, with diacritic-free forms."""
    seen: dict[str, None] = {}
    for language in languages:
        for word in getattr(TABLES[language], field_name):
            seen[word] = None
            seen[_undiacritic(word)] = None
    return tuple(sorted(seen, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def folded_words(field_name: str, phrases: bool | None = None) -> frozenset[str]:
    """One field's entries over every table, folded as text is folded before a lookup; ``phrases``
    True keeps only the entries of several words, False only the single words."""
    from .script import fold

    return frozenset(fold(w) for w in words(field_name) if phrases is None or (" " in w) == phrases)


@lru_cache(maxsize=None)
def alternation(field_name: str, languages=tuple(TABLES)) -> str:
    """A regex alternation of one field's phrases (whole words, spaces matching any white space)."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words(field_name, languages)) + ")"


_UNDIACRITIC = str.maketrans({"š": "s", "č": "c", "ć": "c", "ž": "z", "Š": "S", "Č": "C", "Ć": "C", "Ž": "Z",
                              "é": "e"})


def _undiacritic(word: str) -> str:
    return word.translate(_UNDIACRITIC).replace("đ", "dj").replace("Đ", "Dj")


FIELDS = tuple(f.name for f in fields(CueTable) if f.name != "language")
