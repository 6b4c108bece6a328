"""What tells Serbian, Bosnian and Croatian apart, as tables: future-tense forms, the jat reflex and
the lexical pairs of the norms. Read by text/language.py and by the variant model (text/variant_model.py)."""
from __future__ import annotations

import re

# Hand-written markers, each a named feature added to the words; the model learns their weights.
MARKERS = {
    "#inf-t-future": re.compile(r"\b\w+t (ću|ćeš|će|ćemo|ćete)\b"),  # hr: radit ću
    "#fused-future": re.compile(r"\b\w+(iću|aću|ićeš|aćeš|iće|aće|ićemo|aćemo|ićete|aćete)\b"),  # sr: radiću
    "#da-present": re.compile(r"\b(ću|ćeš|će|ćemo|ćete|treba|trebalo|mogu|može|želi|žele) da \w+"),
    # hr and bs: a modal verb with the infinitive ('može raditi'), where sr says 'može da radi'
    "#modal-infinitive": re.compile(r"\b(mogu|može|možemo|možete|mogao|mogla|mogli|želi|žele|želim|treba|trebaju|"
                                    r"mora|moraju|moramo|namjerava|namjeravaju|planira|planiraju) \w+(ti|ći)\b"),
    # words the Bosnian standard prefers where Croatian or Serbian says otherwise (historija against
    # povijest/istorija, saopćenje against priopćenje/saopštenje, hiljada and sedmica against tisuća and
    # tjedan, lahko) and Ottoman-era words of Bosnian news (čaršija, džamija, bajram)
    "#bosnian": re.compile(r"\b(histori|hiljad|sedmic|saopć|lahk|hljeb|čaršij|džamij|bajram|dženaz|mahal|kahv|"
                           r"rahmetl|iftar|mekteb|medres|avlij)"),
    "#europ": re.compile(r"\beurop"),  # hr Europa vs sr/bs Evropa
    "#evrop": re.compile(r"\bevrop"),
}

# The reflex of old jat splits Serbian (ekavian: vreme, mesto, dete) from Bosnian and Croatian
# (ijekavian: vrijeme, mjesto, dijete). Lists of whole stems, not a generic "ije" pattern, because
# "premijer", "pacijent", "Sjedinjene" and comparatives such as "novijeg" have "ije" in every variant.
IJEKAVIAN = re.compile(
    r"\b(vrijem|mjest|riječ|djec|dijete|djetet|poslije|prije|uvijek|htio|htjel|predsjedn|gdje|ovdje|ondje|"
    r"rijek|cijen|dvije|vijest|mjesec|svijet|svjetsk|vidje|željel|razumio|cijel|sjever|vjerovatn|vjerojatn|"
    r"djel|dio\b|mlijek|lijep|bijel|sjedišt|susjed|posljednj|primjer|odjel|pjesm|mjer|sjeć|tijel|lijek|"
    r"nedjelj|zvijezd|pjev|smjer|bježa|snijeg|vijek|cvijet|dijel|slijed|sljede|mjenj|mijenj|pobjed|bijes|"
    r"uspje|vjetr|sjedn|sjedi|lijev|zapovjed|objasni|izvješt|izvijest|ozlije|povrije)"
)
EKAVIAN = re.compile(
    r"\b(vreme\b|mest|reč|dec[aeiu]\b|dete|detet|posle|pre\b|uvek|hteo|htel|predsedn|gde|ovde|onde|"
    r"reka\b|reke\b|cen[aeiu]\b|dve\b|vest|mesec|videt|želeo|želel|razumeo|ceo\b|cel[aeiou]|celog|sever|"
    r"verovatn|del[aou]\b|deo\b|mlek|lep[aeiou]?\b|bel[aeiou]\b|sedišt|sused|poslednj|primer|odel|pesm|"
    r"mer[aeiu]\b|seć|tel[aou]\b|lek\b|nedelj|zvezd|pev|smer|beža|sneg|vek\b|veka\b|cvet|deli|sled|"
    r"menj|pobed|uspe|vetr|sedn|sedi|levo|levi|zapoved|izvešt|izvest|povre|povređ)"
)

# Words that mark a variant more reliably than counts from a small training set can, each
# with the log-odds it adds to the classes it points to.
LEXICAL_MARKERS: list[tuple[re.Pattern, tuple[str, ...], float]] = [
    (re.compile(r"\b(tisuć|tjedn|tjedan|vlak|glazb|kruh|zrakoplov|nogomet|sveučilišt|povijes|znanost|obitelj|tvrtk|"
                r"izvješć|tijekom|milijun|uvjet|siječ|veljač|ožuj|travnj|travan|svib|lipanj|lipnj|srpanj|srpnj|kolovoz|"
                r"rujan|rujn|listopad|studen(?:i|og|oga|om)\b|prosin|tko\b|točn|točk|općenit|ravnatelj|glasnogovorn|priopć|izvanredn|"
                r"sudjelov|surađ|mirovin|gospodarst|dužnosni|momčad|prosvjed|vjerojatn|primjeric|sustav|proračun|"
                r"veleposlan|prijevoz|tiskovn|kazališt|zapovjedn|športsk|izbornik|sabor|dopušt|je li\b|jest\b|"
                r"obranu|obrane|obrana|zrakoplovn|nazočn|glede|svezi|iznimn|unatoč|čimbenik)"), ("hr",), 3.0),
    (re.compile(r"\b(hiljad|sedmic|voz(a|om|u|ovi|ova)?\b|muzik|hljeb|hleb|avion|fudbal|univerzitet|histori|istorij|"
                r"nauk|porodic|kompanij|izvještaj|izveštaj|tokom|milion|uslov|ko\b|šta\b|tačn|tačk|direktor|"
                r"portparol|saopć|saopšt|vanredn|učestvov|sarađ|penzij|privred|zvaničn|vjerovatn|verovatn|"
                r"naprimjer|sistem|budžet|ambasad|prevoz|štamp|evrop|pozorišt|hemij|lahk|povrijeđ|povređ|"
                r"desi|dešava|da li\b|opštin|spoljn|bezbedn|bezbjedn|kafa|kafe|fudbaler|uhapš)"), ("bs", "sr"), 3.0),
]

# Words every variant uses alike (prepositions, conjunctions, pronouns, forms of biti): kept out of the
# evidence a guess shows, where they would crowd out the markers and words that decide. Words that do
# differ (ko/tko, šta/što, 'će da') are not here, nor 'bih' (also BiH, Bosnia and Herzegovina, once lower-cased).
FUNCTION_WORDS = frozenset(
    "a ako ali bi bio bila bile bili bilo biti da do ga i ih ili im iz ja je jer još joj ju kad kao koja koje "
    "koji kojih kojim koju li me mi mu na nad ne nego ni niti o od on ona one oni ono ova ove ovaj ovo pa po pod "
    "pred pri s sam se si sve smo ste su ta taj te ti to u uz već vi za".split())
