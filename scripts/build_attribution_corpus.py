"""Write corpora/attribution: attribution passages with their gold citation chains.

    python scripts/build_attribution_corpus.py

The passages were written for provenance (CC BY-SA 4.0) in the style of wire copy; events are
invented. Gold edges follow the conventions in provenance/chain.py: relay edges between media in
the order information flowed, origin edges from people, bodies and anonymous sources to the
medium that quotes them, cited edges from a medium mentioned alone to the article's reporter,
and a last edge to the byline. Node names: registry names for media, "anonymous sources",
people and bodies as named, "byline NAME" / "correspondent NAME" for authors.
"""
from __future__ import annotations

import json
from pathlib import Path

A = "anonymous sources"

# (language, text, gold edges)
PASSAGES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # --- English ---------------------------------------------------------------------------------
    ("en", "According to Bloomberg, as reported by nova.rs, the U.S. is pressing Balkan countries to accept "
           "deported migrants, reports Anadolu Agency.",
     [("Bloomberg", "nova.rs"), ("nova.rs", "Anadolu Agency")]),
    ("en", "BELGRADE, Nov 27 (Reuters) - Serbia's government adopted a draft budget for 2026 on Thursday, "
           "Finance Minister Siniša Mali said.",
     [("Siniša Mali", "Reuters")]),
    ("en", "The Wall Street Journal reported, citing people familiar with the matter, that the company is preparing "
           "a bid. Reuters could not independently verify the report.",
     [(A, "The Wall Street Journal")]),
    ("en", "Beta news agency reported, citing sources in the Finance Ministry, that the deficit would reach 3 percent "
           "of GDP. The ministry did not respond to a request for comment.",
     [(A, "Beta")]),
    ("en", "Tanjug reported that President Aleksandar Vučić met the EU envoy in Belgrade on Tuesday, according to a "
           "statement from the presidency.\nWritten by our correspondent M.P.",
     [("presidency", "Tanjug"), ("Tanjug", "correspondent M.P.")]),
    ("en", "Hina reports that Croatian police arrested six people suspected of smuggling migrants. Police said the "
           "arrests were made near the border with Bosnia and Herzegovina.",
     [("Police", "Hina")]),
    ("en", "The Associated Press, quoting local officials, reported that at least 12 people died in the floods.",
     [(A, "Associated Press")]),
    ("en", "In an interview with CNN, Secretary of State Marco Rubio said Washington would not lift the sanctions. "
           "The State Department declined to comment on the report.",
     [("Marco Rubio", "CNN")]),
    ("en", "Politico, citing two U.S. officials, reported that the White House was preparing new tariffs on "
           "European steel.",
     [(A, "Politico")]),
    ("en", "Kremlin spokesman Dmitry Peskov told TASS that Moscow had not received the proposal, as reported by "
           "Reuters.",
     [("Dmitry Peskov", "TASS"), ("TASS", "Reuters")]),
    ("en", "N1 reported that the protest in Novi Sad gathered around 15,000 people, citing estimates by the Archive "
           "of Public Gatherings.",
     [("Archive of Public Gatherings", "N1")]),
    ("en", "Klix.ba reported, citing the Cantonal Prosecutor's Office in Sarajevo, that the former director had been "
           "indicted for abuse of office.",
     [("Cantonal Prosecutor's Office", "Klix.ba")]),
    ("en", "AFP reported that the talks had collapsed, quoting a diplomatic source in Brussels.\nBy Ana Kovač",
     [(A, "AFP"), ("AFP", "byline Ana Kovač")]),
    ("en", "The New York Times, quoting an internal memo, reported that the agency would cut 2,000 jobs. The company "
           "did not immediately respond to a request for comment.",
     [("internal memo", "The New York Times")]),
    ("en", "Sources familiar with the negotiations told Axios that a deal could be announced next week.",
     [(A, "Axios")]),
    ("en", "Al Jazeera reported, citing the Palestinian health ministry, that 30 people were killed overnight. "
           "Israel's military said it was checking the report.",
     [("Palestinian health ministry", "Al Jazeera"), ("Israel's military", "Al Jazeera")]),
    # --- Serbian, Latin ----------------------------------------------------------------------------
    ("sr-Latn", "Kako prenosi Beta, pozivajući se na pisanje dnevnika Danas, Vlada Srbije usvojila je izmene budžeta.",
     [("Danas", "Beta")]),
    ("sr-Latn", "BEOGRAD, 27. novembra (Tanjug) – Predsednik Srbije Aleksandar Vučić izjavio je danas da Srbija neće "
                "uvesti sankcije Rusiji.",
     [("Aleksandar Vučić", "Tanjug")]),
    ("sr-Latn", "Prema pisanju Blumberga, kako prenosi N1, administracija SAD traži od Srbije da prihvati deportovane "
                "migrante.",
     [("Bloomberg", "N1")]),
    ("sr-Latn", "Agencija FoNet javlja da se više od 3.000 prosvetnih radnika okupilo ispred Vlade. Predstavnici "
                "sindikata rekli su agenciji da će stupiti u štrajk.",
     [("Predstavnici sindikata", "FoNet")]),
    ("sr-Latn", "Ministarstvo unutrašnjih poslova saopštilo je da je u saobraćajnoj nesreći kod Niša poginulo pet "
                "osoba, javlja RTS.",
     [("Ministarstvo unutrašnjih poslova", "RTS")]),
    ("sr-Latn", "Kako piše Politika, pozivajući se na neimenovane izvore u Ministarstvu finansija, plate u javnom "
                "sektoru biće povećane za 8 odsto.",
     [(A, "Politika")]),
    ("sr-Latn", "Volstrit džurnal je objavio da SAD razmatraju slanje migranata na Kosovo, prenosi Radio Slobodna "
                "Evropa.",
     [("The Wall Street Journal", "Radio Slobodna Evropa")]),
    ("sr-Latn", "Premijer Miloš Vučević rekao je za Blic da Vlada neće odustati od projekta.\nPiše: Jelena Marković",
     [("Miloš Vučević", "Blic"), ("Blic", "byline Jelena Marković")]),
    ("sr-Latn", "Prema navodima Ministarstva zdravlja, u bolnicama se trenutno nalazi 120 pacijenata, javlja Tanjug.",
     [("Ministarstvo zdravlja", "Tanjug")]),
    ("sr-Latn", "Kako je objavio Kurir, pozivajući se na izvore bliske istrazi, osumnjičeni je uhapšen u Novom Sadu.",
     [(A, "Kurir")]),
    ("sr-Latn", "Rojters javlja, pozivajući se na dva izvora upoznata sa pregovorima, da bi sporazum mogao biti "
                "potpisan do kraja godine.",
     [(A, "Reuters")]),
    ("sr-Latn", "Portparol Stejt departmenta Metju Miler izjavio je za Glas Amerike da Vašington podržava dijalog "
                "Beograda i Prištine.",
     [("Metju Miler", "Voice of America")]),
    ("sr-Latn", "Fiskalni savet upozorio je da je projekcija rasta od 4,2 odsto previše optimistična, prenosi Blic.",
     [("Fiskalni savet", "Blic")]),
    ("sr-Latn", "Kako javlja dopisnik N1 iz Brisela, pozivajući se na evropske diplomate, nova runda dijaloga biće "
                "održana u decembru.",
     [(A, "N1")]),
    ("sr-Latn", "Prema pisanju Fajnenšel tajmsa, kako prenosi Danas, kineska kompanija planira novu investiciju u "
                "Srbiji. Kompanija nije odgovorila na upit lista.",
     [("Financial Times", "Danas")]),
    ("sr-Latn", "Direktor EPS-a Dušan Živković rekao je da su cene struje stabilne, a Ministarstvo energetike nije "
                "želelo da komentariše, javlja Beta.",
     [("Dušan Živković", "Beta")]),
    # --- Serbian, Cyrillic -------------------------------------------------------------------------
    ("sr-Cyrl", "Како преноси Танјуг, позивајући се на саопштење Министарства финансија, дефицит ће износити три "
                "одсто БДП-а.",
     [("Министарство финансија", "Tanjug")]),
    ("sr-Cyrl", "БЕОГРАД, 27. новембра (Бета) – Министар спољних послова Марко Ђурић изјавио је да Србија остаје "
                "посвећена европском путу.",
     [("Марко Ђурић", "Beta")]),
    ("sr-Cyrl", "Према писању Блумберга, како преноси РТС, америчка администрација врши притисак на балканске земље.",
     [("Bloomberg", "RTS")]),
    ("sr-Cyrl", "Агенција Анадолија јавља да је турски председник допутовао у Београд, наводе извори у "
                "председништву.",
     [(A, "Anadolu Agency")]),
    ("sr-Cyrl", "Председник Владе Милош Вучевић рекао је за РТС да ће плате бити повећане од јануара.\nПише: Јована "
                "Петровић",
     [("Милош Вучевић", "RTS"), ("RTS", "byline Јована Петровић")]),
    ("sr-Cyrl", "Како пише Политика, позивајући се на неименоване изворе, нови закон биће усвојен до краја године.",
     [(A, "Politika")]),
    ("sr-Cyrl", "Њујорк тајмс је објавио да Вашингтон разматра нове санкције, преноси Н1.",
     [("The New York Times", "N1")]),
    ("sr-Cyrl", "Републички завод за статистику саопштио је да је инфлација у октобру износила 4,2 одсто, јавља "
                "Танјуг.",
     [("Републички завод за статистику", "Tanjug")]),
    ("sr-Cyrl", "Према наводима полиције, у несрећи је повређено шест особа, преноси РТС.",
     [("полиција", "RTS")]),
    ("sr-Cyrl", "Ројтерс јавља, позивајући се на два извора упозната са преговорима, да је договор близу.",
     [(A, "Reuters")]),
    ("sr-Cyrl", "Портпарол Кремља Дмитриј Песков изјавио је за ТАСС да Москва није добила предлог, преноси Бета.",
     [("Дмитриј Песков", "TASS"), ("TASS", "Beta")]),
    ("sr-Cyrl", "Гувернерка Народне банке Србије Јоргованка Табаковић рекла је да ће стопа остати непромењена, јавља "
                "ФоНет.",
     [("Јоргованка Табаковић", "FoNet")]),
    # --- Bosnian -------------------------------------------------------------------------------------
    ("bs", "SARAJEVO, 27. novembra (Fena) – Vijeće ministara BiH saopćilo je da je usvojen prijedlog budžeta "
           "institucija za 2026. godinu.",
     [("Vijeće ministara BiH", "Fena")]),
    ("bs", "Kako prenosi Klix.ba, pozivajući se na Tužilaštvo Kantona Sarajevo, bivši direktor uhapšen je zbog "
           "zloupotrebe položaja.",
     [("Tužilaštvo Kantona Sarajevo", "Klix.ba")]),
    ("bs", "Prema pisanju Bloomberga, kako prenosi nova.rs, administracija Donalda Trumpa vrši pritisak na Bosnu i "
           "Hercegovinu, javlja Anadolu Agency (AA).",
     [("Bloomberg", "nova.rs"), ("nova.rs", "Anadolu Agency")]),
    ("bs", "Agencija Fena, pozivajući se na saopćenje Tužilaštva BiH, javlja da je uhapšeno šest osoba.",
     [("Tužilaštvo BiH", "Fena")]),
    ("bs", "Visoki predstavnik Christian Schmidt izjavio je za Dnevni avaz da neće tolerisati napade na ustavni "
           "poredak.\nPiše: Amra Hodžić",
     [("Christian Schmidt", "Dnevni avaz"), ("Dnevni avaz", "byline Amra Hodžić")]),
    ("bs", "Oslobođenje piše, pozivajući se na neimenovane izvore u Vladi FBiH, da će plate biti povećane.",
     [(A, "Oslobođenje")]),
    ("bs", "Ministarstvo sigurnosti BiH nije odgovorilo na upit, a iz Granične policije su rekli da je situacija pod "
           "kontrolom, javlja Al Jazeera Balkans.",
     [("Granična policija", "Al Jazeera")]),
    ("bs", "Reuters javlja da je turski predsjednik Recep Tayyip Erdoğan razgovarao s Putinom, prenosi Anadolu Agency.",
     [("Reuters", "Anadolu Agency")]),
    ("bs", "Portparol Ureda visokog predstavnika rekao je za N1 da je odluka konačna, dok Predsjedništvo BiH nije "
           "željelo komentarisati.",
     [("Portparol Ureda visokog predstavnika", "N1")]),
    ("bs", "Prema podacima Agencije za statistiku BiH, prosječna plata u oktobru iznosila je 1.350 KM, javlja Fena.",
     [("Agencija za statistiku BiH", "Fena")]),
    # --- Croatian ------------------------------------------------------------------------------------
    ("hr", "ZAGREB, 27. studenoga (Hina) – Premijer Andrej Plenković izjavio je da Hrvatska neće odustati od "
           "energetske neovisnosti.",
     [("Andrej Plenković", "Hina")]),
    ("hr", "Kako piše Jutarnji list, pozivajući se na izvore iz Vlade, ministar financija podnijet će ostavku.",
     [(A, "Jutarnji list")]),
    ("hr", "Prema pisanju Večernjeg lista, kako prenosi Index.hr, Vlada priprema novi paket mjera.",
     [("Večernji list", "Index.hr")]),
    ("hr", "USKOK je priopćio da je podignuta optužnica protiv jedanaest osoba, javlja Hina.",
     [("USKOK", "Hina")]),
    ("hr", "Ministar unutarnjih poslova Davor Božinović rekao je za RTL da je granica zaštićena, a Europska komisija "
           "nije odgovorila na upit.\nPiše: Ivana Horvat",
     [("Davor Božinović", "RTL"), ("RTL", "byline Ivana Horvat")]),
    ("hr", "Reuters, pozivajući se na dva neimenovana diplomata, javlja da Hrvatska podržava nove sankcije.",
     [(A, "Reuters")]),
    ("hr", "Prema navodima Ministarstva zdravstva, cijepljeno je više od 200.000 građana, prenosi N1.",
     [("Ministarstvo zdravstva", "N1")]),
    ("hr", "Hrvatska narodna banka priopćila je da je inflacija usporila na 3,1 posto, javlja Hina.",
     [("Hrvatska narodna banka", "Hina")]),
    ("hr", "Kako javlja Bloomberg, pozivajući se na izvore upoznate s pregovorima, Hrvatska bi mogla kupiti nove "
           "avione, prenosi Index.hr.",
     [(A, "Bloomberg"), ("Bloomberg", "Index.hr")]),
    ("hr", "Agencija AFP, citirajući francuske dužnosnike, javlja da je sastanak odgođen.",
     [(A, "AFP")]),
]


# Written after the extractor was frozen; its four failures were studied on 2026-11-27 and the extractor
# changed for them, so it is now a development set too.
HELDOUT: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("en", "Citing three people with knowledge of the talks, Reuters reported that the pipeline deal was signed "
           "in Baku.", [(A, "Reuters")]),
    ("en", "SARAJEVO, Dec 2 (Reuters) - Bosnia's state court sentenced a former police chief to eight years in "
           "prison, prosecutors said.", [("prosecutors", "Reuters")]),
    ("en", "The Guardian reported, according to leaked documents, that the ministry had ignored the warnings.",
     [("leaked documents", "The Guardian")]),
    ("en", "Prime Minister Andrej Plenković told reporters in Zagreb that Croatia would not block the talks, Hina "
           "reported.", [("Andrej Plenković", "Hina")]),
    ("en", "According to the Financial Times, as cited by Bloomberg, the bank plans to close 40 branches.",
     [("Financial Times", "Bloomberg")]),
    ("sr-Latn", "Kako saznaje N1 od izvora iz Vlade, ministar finansija podneće ostavku sledeće nedelje.",
     [(A, "N1")]),
    ("sr-Latn", "Prema podacima Republičkog zavoda za statistiku, prosečna plata u oktobru iznosila je 105.000 "
                "dinara, prenosi Tanjug.", [("Republički zavod za statistiku", "Tanjug")]),
    ("sr-Latn", "Ministar spoljnih poslova Marko Đurić izjavio je za RTS da Srbija neće priznati Kosovo.\nPiše: "
                "Milan Ilić", [("Marko Đurić", "RTS"), ("RTS", "byline Milan Ilić")]),
    ("sr-Latn", "Kako piše Njujork tajms, kako prenosi Beta, američka administracija priprema nove carine.",
     [("The New York Times", "Beta")]),
    ("sr-Cyrl", "Према подацима Министарства унутрашњих послова, на протесту се окупило око 35.000 људи, јавља "
                "Бета.", [("Министарство унутрашњих послова", "Beta")]),
    ("sr-Cyrl", "Како преноси Н1, позивајући се на изворе у Министарству финансија, плате ће бити повећане.",
     [(A, "N1")]),
    ("sr-Cyrl", "Вол стрит џурнал је објавио да Вашингтон разматра слање миграната у Србију, преноси Танјуг.",
     [("The Wall Street Journal", "Tanjug")]),
    ("bs", "Kako javlja Fena, pozivajući se na Ministarstvo sigurnosti BiH, granica će biti pojačano kontrolisana.",
     [("Ministarstvo sigurnosti BiH", "Fena")]),
    ("bs", "Predsjedavajući Vijeća ministara izjavio je za Klix.ba da će budžet biti usvojen do kraja godine.",
     [("Predsjedavajući Vijeća ministara", "Klix.ba")]),
    ("bs", "Prema pisanju Al Jazeere, kako prenosi Oslobođenje, pregovori o reformi su propali.",
     [("Al Jazeera", "Oslobođenje")]),
    ("hr", "SPLIT, 3. prosinca (Hina) – Gradonačelnik Ivica Puljak rekao je da će nova linija trajekta krenuti u "
           "ožujku.", [("Ivica Puljak", "Hina")]),
    ("hr", "Prema navodima Državnog zavoda za statistiku, inflacija je u studenom iznosila 3,4 posto, javlja "
           "Index.hr.", [("Državni zavod za statistiku", "Index.hr")]),
    ("hr", "Kako piše Večernji list, pozivajući se na neimenovane izvore iz HDZ-a, ministar će biti smijenjen.",
     [(A, "Večernji list")]),
    ("hr", "Jutarnji list javlja, citirajući policijske izvore, da su uhićene četiri osobe.\nAutor: Petra Kos",
     [(A, "Jutarnji list"), ("Jutarnji list", "byline Petra Kos")]),
    ("en", "The White House did not respond to a request for comment, while a State Department spokesperson told "
           "CNN the review was ongoing.", [("State Department spokesperson", "CNN")]),
]


# Written on 2026-11-27 before the extractor was changed for HELDOUT's failures; after that change it gave
# P 0.875 R 0.750 untouched. Its failures were then studied too, so it is a development set now.
HELDOUT_2: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("en", "Two officials familiar with the matter told Reuters that the EU would delay the accession talks until "
           "spring.", [(A, "Reuters")]),
    ("en", "Serbian President Aleksandar Vučić said on Monday that Belgrade would not join the sanctions, Tanjug "
           "reported.", [("Aleksandar Vučić", "Tanjug")]),
    ("en", "According to Politico, which cited two EU diplomats, Brussels is preparing a new package of measures "
           "against the smugglers.", [(A, "Politico")]),
    ("en", "Der Spiegel reported that the German government would send 200 police officers to the border, the "
           "Associated Press said.", [("Der Spiegel", "Associated Press")]),
    ("en", "PODGORICA, Jan 14 (AFP) - Montenegro's parliament elected a new speaker on Tuesday, the assembly said "
           "in a statement.", [("assembly", "AFP")]),
    ("en", "The Washington Post, citing internal emails, reported that the agency had ignored the warnings for "
           "months. The agency declined to comment.", [("internal emails", "The Washington Post")]),
    ("en", "Bosnian Security Minister Nenad Nešić told Al Jazeera that the new border posts would open in March.",
     [("Nenad Nešić", "Al Jazeera")]),
    ("en", "As first reported by the Financial Times and later confirmed by Bloomberg, the bank will cut 3,000 "
           "jobs.\nWritten by our correspondent S.K.",
     [("Financial Times", "Bloomberg"), ("Bloomberg", "correspondent S.K.")]),
    ("sr-Latn", "Kako prenosi RTS, predsednik Vlade Miloš Vučević izjavio je da će izbori biti održani u junu.",
     [("Miloš Vučević", "RTS")]),
    ("sr-Latn", "Prema pisanju Danasa, koji se poziva na izvore bliske Vladi, ministar zdravlja biće smenjen.",
     [(A, "Danas")]),
    ("sr-Latn", "Blic javlja, pozivajući se na Betu, da je u sudaru autobusa povređeno 14 osoba.",
     [("Beta", "Blic")]),
    ("sr-Latn", "Ministarstvo unutrašnjih poslova saopštilo je da je uhapšeno šest osoba, javlja FoNet.\nAutor: "
                "Jelena Marić", [("Ministarstvo unutrašnjih poslova", "FoNet"), ("FoNet", "byline Jelena Marić")]),
    ("sr-Cyrl", "Како пише Политика, позивајући се на изворе у Влади, нови закон биће усвојен до краја године.",
     [(A, "Politika")]),
    ("sr-Cyrl", "Председница Скупштине Ана Брнабић изјавила је за Танјуг да ће седница почети у уторак.",
     [("Ана Брнабић", "Tanjug")]),
    ("sr-Cyrl", "Према писању Блумберга, како преноси Н1, Вашингтон ће увести нове царине.", [("Bloomberg", "N1")]),
    ("sr-Cyrl", "Полиција је саопштила да је ухапшено пет особа, јавља Бета.", [("Полиција", "Beta")]),
    ("bs", "Kako javlja Anadolija, pozivajući se na izvore iz Vijeća ministara, budžet će biti usvojen u januaru.",
     [(A, "Anadolu Agency")]),
    ("bs", "Ministar sigurnosti Nenad Nešić izjavio je za Dnevni avaz da će granica biti zatvorena.\nPiše: Amra "
           "Hodžić", [("Nenad Nešić", "Dnevni avaz"), ("Dnevni avaz", "byline Amra Hodžić")]),
    ("bs", "Prema pisanju Oslobođenja, kako prenosi Fena, Sarajevo će dobiti novu tramvajsku liniju.",
     [("Oslobođenje", "Fena")]),
    ("bs", "Klix.ba saznaje od neimenovanih izvora da je direktor podnio ostavku.", [(A, "Klix.ba")]),
    ("hr", "ZAGREB, 5. veljače (Hina) – Ministar financija Marko Primorac rekao je da će porez biti smanjen.",
     [("Marko Primorac", "Hina")]),
    ("hr", "Kako doznaje Jutarnji list, pozivajući se na izvore iz Vlade, ministar će podnijeti ostavku.",
     [(A, "Jutarnji list")]),
    ("hr", "Prema navodima Reutersa, kako prenosi Index.hr, Hrvatska će kupiti nove avione.",
     [("Reuters", "Index.hr")]),
    ("hr", "Policija je priopćila da su uhićene tri osobe, javlja N1.\nAutor: Ivana Horvat",
     [("Policija", "N1"), ("N1", "byline Ivana Horvat")]),
]


# Written on 2026-11-27 before the extractor was changed for HELDOUT_2's failures; after that change it gave
# P 0.765 R 0.684 untouched. Its failures were then studied too, so it is a development set now.
HELDOUT_3: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("en", "A senior EU official, speaking on condition of anonymity, told AFP that the summit would be postponed.",
     [(A, "AFP")]),
    ("en", "Croatian Finance Minister Marko Primorac said the budget deficit would narrow next year, according to "
           "Hina.", [("Marko Primorac", "Hina")]),
    ("en", "The New York Times, citing three current and former officials, reported that the White House had "
           "drafted the order in secret.", [(A, "The New York Times")]),
    ("en", "As reported by Klix.ba, police in Sarajevo detained two men on Friday, Fena said.",
     [("Klix.ba", "Fena")]),
    ("en", "BELGRADE, March 3 (Reuters) - Serbia's central bank kept its key rate unchanged on Thursday, the bank "
           "said in a statement.", [("bank", "Reuters")]),
    ("en", "In an interview with the BBC, Bosnian presidency member Denis Bećirović said the country would apply for "
           "NATO membership.", [("Denis Bećirović", "BBC")]),
    ("en", "The Guardian, quoting a leaked government memo, said ministers had been warned about the shortages.",
     [("leaked government memo", "The Guardian")]),
    ("en", "Russian news agency TASS reported the meeting, citing the Kremlin.\nBy Ana Petrović",
     [("Kremlin", "TASS"), ("TASS", "byline Ana Petrović")]),
    ("en", "According to figures from the Croatian Bureau of Statistics, inflation slowed to 3.1 percent in "
           "January, reports Index.hr.", [("Croatian Bureau of Statistics", "Index.hr")]),
    ("en", "Voice of America reported, according to two sources close to the investigation, that the suspect had "
           "fled to Austria.", [(A, "Voice of America")]),
    ("sr-Latn", "Kako saznaje Kurir, ministar privrede podneće ostavku, a kako piše Blic, pozivajući se na izvore iz "
                "SNS-a, rekonstrukcija Vlade je izvesna.", [(A, "Blic")]),
    ("sr-Cyrl", "Министар финансија Синиша Мали изјавио је за РТС да ће плате бити повећане у јануару.",
     [("Синиша Мали", "RTS")]),
    ("bs", "Prema informacijama Dnevnog avaza, kako prenosi Anadolija, Vijeće ministara usvojit će budžet u "
           "četvrtak.", [("Dnevni avaz", "Anadolu Agency")]),
    ("hr", "Predsjednik Vlade Andrej Plenković izjavio je za RTL da Hrvatska neće mijenjati stav, javlja Hina.",
     [("Andrej Plenković", "RTL"), ("RTL", "Hina")]),
    ("sr-Latn", "Ministarstvo zdravlja saopštilo je da je u poslednja 24 sata registrovano 120 novih slučajeva, "
                "prenosi Beta.", [("Ministarstvo zdravlja", "Beta")]),
    ("hr", "Jutarnji list doznaje od izvora bliskih Vladi da će ministar biti smijenjen.\nAutor: Ivan Perić",
     [(A, "Jutarnji list"), ("Jutarnji list", "byline Ivan Perić")]),
]


# Written on 2026-11-27 before the extractor was changed for HELDOUT_3's failures; after that change it gave
# P 0.667 R 0.500 untouched. Its failures were then studied too, so it is a development set now.
HELDOUT_4: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("en", "Two people briefed on the negotiations told the Financial Times that a deal could come within days.",
     [(A, "Financial Times")]),
    ("en", "North Macedonia's Foreign Minister Timčo Mucunski said on Wednesday that Skopje would not reopen the "
           "agreement, Reuters reported.", [("Timčo Mucunski", "Reuters")]),
    ("en", "Bloomberg, citing a person familiar with the plans, reported that the company would list its shares in "
           "London.", [(A, "Bloomberg")]),
    ("en", "According to Axios, which first reported the meeting, the talks lasted three hours.", []),
    ("en", "ZAGREB, Feb 9 (AP) - Croatian police said they had detained 40 migrants near the border with Bosnia.",
     [("police", "Associated Press")]),
    ("en", "Speaking to CNN, the mayor of Tuzla, Zijad Lugavić, said the city would rebuild the bridge.",
     [("Zijad Lugavić", "CNN")]),
    ("en", "The report, first published by Danas and later picked up by N1, said the tender had been rigged.",
     [("Danas", "N1")]),
    ("sr-Latn", "Kako navodi Politika, pozivajući se na podatke Narodne banke Srbije, inflacija je pala na 4 odsto.",
     [("Narodna banka Srbije", "Politika")]),
    ("sr-Cyrl", "Према наводима Вола стрит џурнала, како преноси Танјуг, састанак ће бити одржан у Женеви.",
     [("The Wall Street Journal", "Tanjug")]),
    ("bs", "Ambasada SAD-a u Sarajevu saopćila je da će vize biti ukinute, javlja Klix.ba.",
     [("Ambasada SAD-a", "Klix.ba")]),
    ("hr", "Kako piše Index.hr, pozivajući se na neslužbene informacije, ministrica će podnijeti ostavku.",
     [(A, "Index.hr")]),
    ("bs", "Predsjednik SDA Bakir Izetbegović izjavio je za Fenu da stranka neće podržati zakon.\nPiše: Emina Delić",
     [("Bakir Izetbegović", "Fena"), ("Fena", "byline Emina Delić")]),
]


# Written on 2026-11-27 before the extractor was changed for HELDOUT_4's failures: held out from those.
HELDOUT_5: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("en", "Kosovo's Prime Minister Albin Kurti told Radio Free Europe that Pristina would not form the association "
           "of Serb-majority municipalities.", [("Albin Kurti", "Radio Slobodna Evropa")]),
    ("en", "A spokesperson for the European Commission said the funds would be released in two tranches, Euronews "
           "reported.", [("spokesperson for the European Commission", "Euronews")]),
    ("en", "According to data published by Eurostat, Croatia's unemployment rate fell to 5.1 percent, Reuters "
           "said.", [("Eurostat", "Reuters")]),
    ("en", "Sources close to the government told Bloomberg that the privatisation would be delayed.",
     [(A, "Bloomberg")]),
    ("en", "The Washington Post first reported the plan on Sunday. CNN later confirmed it, citing a senior "
           "administration official.", [("The Washington Post", "CNN"), (A, "CNN")]),
    ("en", "SKOPJE, April 2 (AP) - The government said on Tuesday it had signed the loan agreement with the World "
           "Bank.", [("government", "Associated Press")]),
    ("en", "As Reuters reported last week, citing three people familiar with the matter, the company is seeking a "
           "buyer.\nWritten by our correspondent R.T.", [(A, "Reuters"), ("Reuters", "correspondent R.T.")]),
    ("en", "The Times of London reported that the minister had resigned, but the ministry denied the report.", []),
    ("sr-Latn", "Kako je objavio Danas, pozivajući se na nezvanične informacije, sednica Vlade biće održana u "
                "četvrtak.", [(A, "Danas")]),
    ("sr-Latn", "Direktor EPS-a Dušan Živković izjavio je za Politiku da struja neće poskupeti, prenosi Tanjug.",
     [("Dušan Živković", "Politika"), ("Politika", "Tanjug")]),
    ("sr-Cyrl", "Како наводи Курир, позивајући се на изворе из полиције, осумњичени је ухапшен у Новом Саду.",
     [(A, "Kurir")]),
    ("sr-Cyrl", "Народна банка Србије саопштила је да је инфлација у марту износила 4,2 одсто, јавља Бета.",
     [("Народна банка Србије", "Beta")]),
    ("bs", "Kako prenosi N1, pozivajući se na pisanje Oslobođenja, premijer kantona podnio je ostavku.",
     [("Oslobođenje", "N1")]),
    ("bs", "Policija Kantona Sarajevo saopćila je da je uhapšeno pet osoba, javlja Fena.",
     [("Policija Kantona Sarajevo", "Fena")]),
    ("hr", "Kako saznaje RTL, ministar zdravstva razmišlja o ostavci, a Jutarnji list tvrdi da je ostavka već "
           "napisana.", []),
    ("hr", "Glasnogovornik Vlade Marko Milić rekao je za Hinu da je sjednica odgođena.\nAutor: Ana Babić",
     [("Marko Milić", "Hina"), ("Hina", "byline Ana Babić")]),
]


def write_corpus(name: str, passages, description: str) -> None:
    out = Path(__file__).resolve().parents[1] / "corpora" / name
    texts = out / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    for old in texts.glob("*.txt"):
        old.unlink()
    cases = []
    for number, (language, text, edges) in enumerate(passages, start=1):
        filename = f"{number:03d}.{language}.txt"
        (texts / filename).write_text(text + "\n", encoding="utf-8")
        cases.append({"id": f"chain/{number:03d}", "task": "chain", "texts": [f"texts/{filename}"],
                      "gold": {"language": language, "edges": [list(e) for e in edges]}})
    manifest = {"name": name, "format": 1, "description": description, "license": "CC BY-SA 4.0", "cases": cases}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(cases)} passages")


def main() -> None:
    write_corpus("attribution", PASSAGES, "Attribution passages written for provenance, with gold citation chains "
                                          "(the extractor's development set)")
    write_corpus("attribution-heldout", HELDOUT, "Attribution passages written after the extractor was frozen, "
                                                 "with gold citation chains (its failures were then studied)")
    write_corpus("attribution-heldout-2", HELDOUT_2, "Attribution passages written before the extractor was "
                                                     "changed for the first held-out set's failures (its own "
                                                     "failures were then studied)")
    write_corpus("attribution-heldout-3", HELDOUT_3, "Attribution passages written before the extractor was "
                                                     "changed for the second held-out set's failures (its own "
                                                     "failures were then studied)")
    write_corpus("attribution-heldout-4", HELDOUT_4, "Attribution passages written before the extractor was "
                                                     "changed for the third held-out set's failures (its own "
                                                     "failures were then studied)")
    write_corpus("attribution-heldout-5", HELDOUT_5, "Attribution passages written before the extractor was "
                                                     "changed for the fourth held-out set's failures (held out)")


if __name__ == "__main__":
    main()
