"""French dates, read from the lexicon folder generator/data/timex/fr/ (no dateparser data).

Every sentence is original. A row gives the dateline, the sentence, the expression as it
stands in the sentence and the TIMEX3 value: the value English gives the same reading
("fin mars" is the month, as "late March"; "ce matin" a TIME, as "this morning").
"""

from __future__ import annotations

import datetime

import pytest

from generator.dateline import find_dateline
from generator.timex import tag
from timex_rows import check_typed
from generator.timex.lexicon import english, load

# (dateline, sentence, expression, value)
CASES = [
    # counted spans back and ahead (units.yaml, numbers.yaml)
    ("2024-05-15", "Il y a deux ans, la digue avait déjà cédé sous la crue.", "Il y a deux ans",
     "2022"),
    ("2024-05-15", "Les pêcheurs ont quitté le port il y a trois semaines.",
     "il y a trois semaines", "2024-W17"),
    ("2024-05-15", "Le pont a rouvert il y a dix jours.", "il y a dix jours", "2024-05-05"),
    ("2024-05-15", "La centrale a été mise à l'arrêt il y a un an.", "il y a un an", "2023"),
    ("2024-05-15", "Les bénévoles sont arrivés il y a 4 jours.", "il y a 4 jours", "2024-05-11"),
    ("2024-05-15", "L'alerte a été levée il y a 3 heures.", "il y a 3 heures", "2024-05-15"),
    ("2024-05-15", "Le verdict tombera dans deux semaines.", "dans deux semaines", "2024-W22"),
    ("2024-12-20", "Le péage rouvrira dans quinze jours.", "dans quinze jours", "2025-01-04"),
    # compound numbers, tens and units (numbers.yaml joins)
    ("2024-05-15", "Le barrage a cédé il y a vingt-trois jours.", "il y a vingt-trois jours",
     "2024-04-22"),
    ("2024-05-15", "La mine de sel fermera dans trente-cinq ans.", "dans trente-cinq ans", "2059"),
    ("2024-05-15", "Le hameau a été rasé il y a quatre-vingts ans.", "il y a quatre-vingts ans",
     "1944"),
    ("2024-05-15", "La forêt domaniale a brûlé il y a soixante et onze ans.",
     "il y a soixante et onze ans", "1953"),
    ("2024-05-15", "L'abbaye a été fondée il y a quatre-vingt-dix-sept ans.",
     "il y a quatre-vingt-dix-sept ans", "1927"),
    ("2024-05-15", "Le traité a été signé il y a vingt-et-un ans.", "il y a vingt-et-un ans",
     "2003"),
    # parts of a month or a year (month_parts.yaml)
    ("2025-02-03", "Les travaux doivent s'achever fin mars.", "fin mars", "2025-03"),
    ("2025-04-20", "La grève a commencé début mars dans les ports.", "début mars", "2025-03"),
    ("2025-04-20", "Les premiers bateaux sont revenus à la mi-mars.", "mi-mars", "2025-03"),
    ("2025-06-10", "La banque centrale prévoit une reprise début 2026.", "début 2026", "2026"),
    ("2025-06-10", "Les prix de l'énergie ont flambé fin 2024.", "fin 2024", "2024"),
    ("2025-06-10", "Le port a fermé fin mars 2023 après la tempête.", "fin mars 2023", "2023-03"),
    ("2025-06-10", "La récolte a souffert du gel mi-avril 2024.", "mi-avril 2024", "2024-04"),
    # a month named without a year: the nearest such part of a month to the dateline
    ("2025-08-20", "Le chantier du tramway a pris du retard fin février.", "fin février",
     "2025-02"),
    ("2025-08-20", "Le chantier du tramway reprendra début février.", "début février",
     "2026-02"),
    # fixed phrases (relative.yaml)
    ("2025-06-10", "L'an dernier, la récolte de lavande a été maigre.", "L'an dernier", "2024"),
    ("2025-06-10", "L’an dernier, les vendanges ont été précoces.", "L’an dernier", "2024"),
    ("2025-06-10", "La mairie a voté ce budget l'année dernière.", "l'année dernière", "2024"),
    ("2025-06-10", "Le festival changera de lieu l'an prochain.", "l'an prochain", "2026"),
    ("2025-12-05", "Le tribunal rendra son verdict le mois prochain.", "le mois prochain",
     "2026-01"),
    ("2025-01-02", "Les syndicats ont défilé la semaine dernière.", "la semaine dernière",
     "2024-W52"),
    ("2024-03-01", "Le ministre s'est exprimé hier devant les députés.", "hier", "2024-02-29"),
    ("2024-03-01", "Le colis est arrivé avant-hier au dépôt.", "avant-hier", "2024-02-28"),
    ("2024-12-31", "Le couvre-feu sera levé demain à l'aube.", "demain", "2025-01-01"),
    ("2024-12-31", "Le musée reste fermé aujourd'hui.", "aujourd'hui", "2024-12-31"),
    # placed weekdays (weekdays.yaml): the latest before, the first after the dateline
    ("2024-05-15", "Le maire a démissionné mardi dernier.", "mardi dernier", "2024-05-14"),
    ("2024-05-14", "Le maire a démissionné mardi dernier.", "mardi dernier", "2024-05-07"),
    ("2024-05-15", "La digue a été inspectée vendredi passé.", "vendredi passé", "2024-05-10"),
    ("2024-05-15", "Les écoles rouvriront lundi prochain.", "lundi prochain", "2024-05-20"),
    ("2024-05-15", "Le conseil se réunira mercredi prochain.", "mercredi prochain", "2024-05-22"),
    # the next day too, as English "next Thursday" written on a Wednesday
    ("2024-05-15", "Le bac reprendra jeudi prochain sa traversée.", "jeudi prochain",
     "2024-05-16"),
    ("2024-05-15", "Le conseil s'est réuni mardi.", "mardi", "2024-05-14"),
    # parts of the day (day_parts.yaml)
    ("2024-12-31", "Le train de nuit est arrivé ce matin en gare.", "ce matin", "2024-12-31TMO"),
    ("2024-12-31", "La préfecture tiendra un point presse cet après-midi.", "cet après-midi",
     "2024-12-31TAF"),
    ("2024-12-31", "Les pompiers sont intervenus hier soir.", "hier soir", "2024-12-30TEV"),
    ("2024-12-31", "Le vote aura lieu demain matin.", "demain matin", "2025-01-01TMO"),
    ("2024-05-15", "Le conseil municipal a voté mardi soir à huis clos.", "mardi soir",
     "2024-05-14"),  # a DATE of the day, as "Tuesday night" in news annotation
    # a month alone after a preposition (months.yaml after): the nearest such month
    ("2025-07-23", "Le port de pêche a rouvert en mars.", "mars", "2025-03"),
    ("2025-07-23", "Les combats durent depuis janvier.", "janvier", "2025-01"),
    ("2025-07-23", "Le chantier sera terminé d’ici novembre.", "novembre", "2025-11"),
    ("2025-02-10", "En novembre, la digue avait cédé.", "novembre", "2024-11"),
    # absolute dates and years (years.yaml)
    ("2024-08-02", "Le défilé du 14 juillet a réuni des milliers de spectateurs.", "14 juillet",
     "2024-07-14"),
    ("2024-08-02", "Le stade a été construit en 1998 pour la Coupe du monde.", "1998", "1998"),
    ("2024-08-02", "La coopérative vend son fromage depuis 1975.", "1975", "1975"),
    ("2024-08-02", "La ligne sera prolongée jusqu'en 2030.", "2030", "2030"),
    ("2024-08-02", "Le décret signé le 3 février 2024 entre en vigueur.", "3 février 2024",
     "2024-02-03"),
    ("2024-08-02", "La foire aux bestiaux a lieu le 15 aout 2024.", "15 aout 2024", "2024-08-15"),
    ("2024-08-02", "Le rapport est daté du 9 déc. 2023.", "9 déc. 2023", "2023-12-09"),
    # a full name of four letters or fewer leaves the sentence's dot out too
    ("2024-08-02", "Le second tour a eu lieu le 5 mai.", "5 mai", "2024-05-05"),
    # vague words (vague.yaml)
    ("2024-08-02", "La digue a récemment été renforcée.", "récemment", "PAST_REF"),
    ("2024-08-02", "Le pont sera bientôt rouvert.", "bientôt", "FUTURE_REF"),
    ("2024-08-02", "Le fleuve est actuellement en crue.", "actuellement", "PRESENT_REF"),
    # a recurring weekday (weekdays.yaml every): the SET of every such day
    ("2024-05-15", "Le bac traverse tous les mardis vers l'île.", "tous les mardis", "XXXX-WXX-2"),
    ("2024-05-15", "Chaque vendredi, la mairie publie le bulletin.", "Chaque vendredi", "XXXX-WXX-5"),
    ("2024-05-15", "Le marché couvert ferme tous les dimanches.", "tous les dimanches", "XXXX-WXX-7"),
    # a part of a period placed from the dateline (month_parts.yaml periods): that period
    ("2024-05-15", "Le chantier s'achèvera à la fin de l'année.", "fin de l'année", "2024"),
    ("2024-05-15", "Les loyers baisseront début de l'an prochain.", "début de l'an prochain", "2025"),
    ("2024-05-15", "Le conseil a voté à la fin du mois dernier.", "fin du mois dernier", "2024-04"),
    # a bare weekday, month or month-day by its clause's tense (tense.yaml): in a future
    # clause the next such day (2024-05-15 is a Wednesday), else the latest
    ("2024-05-15", "Le conseil municipal se réunira lundi pour voter le budget.", "lundi",
     "2024-05-20"),
    ("2024-05-15", "La préfète va présenter vendredi son plan contre les crues.", "vendredi",
     "2024-05-17"),
    ("2024-05-15", "Jeudi, les élus voteront la subvention.", "Jeudi", "2024-05-16"),
    ("2024-05-15", "La préfète va présenter mardi soir son plan.", "mardi soir", "2024-05-21"),
    ("2024-05-15", "La ministre a déclaré lundi que la digue tiendrait.", "lundi", "2024-05-13"),
    # the past of the main clause, not the future of what was said
    ("2024-05-15", "Le maire a annoncé jeudi que la piscine rouvrira.", "jeudi", "2024-05-09"),
    ("2024-05-15", "Le fugitif aurait été aperçu jeudi à Lyon.", "jeudi", "2024-05-09"),  # a rumour
    ("2024-05-15", "Le port de plaisance rouvrira en novembre.", "novembre", "2024-11"),
    ("2024-05-15", "La criée a fermé en septembre.", "septembre", "2023-09"),
    ("2024-05-15", "Le festival se tiendra le 20 novembre sur les quais.", "20 novembre",
     "2024-11-20"),
    # seasons (seasons.yaml), placed as English places them; 2024-05-15 is in spring
    ("2024-05-15", "Les vignes ont gelé l'hiver dernier.", "l'hiver dernier", "2023-WI"),
    ("2024-05-15", "Le festival de jazz aura lieu cet été sur la plage.", "cet été", "2024-SU"),
    ("2025-01-20", "Cet hiver, la neige manque sur les pistes.", "Cet hiver", "2024-WI"),
    ("2024-05-15", "La ligne de tram ouvrira au printemps prochain.", "printemps prochain",
     "2025-SP"),
    ("2024-05-15", "Le chantier de l'écluse a commencé en automne 2023.", "automne 2023", "2023-FA"),
    ("2024-05-15", "Le phare a été repeint à l'été 2022.", "l'été 2022", "2022-SU"),
    ("2024-05-15", "La digue sera achevée d'ici l'automne.", "automne", "2024-FA"),
    # "en hiver" only in a past or future clause, as English "in winter"
    ("2024-05-15", "Le pont suspendu rouvrira en hiver.", "hiver", "2024-WI"),
    ("2024-05-15", "Les loups ont traversé la vallée en hiver.", "hiver", "2023-WI"),
    # the present of a verb of scheduling before a weekday: the coming one (tense.yaml
    # timetable), as English "the council meets Monday"; not when the verb is a noun
    ("2025-07-23", "Le conseil municipal se réunit lundi à la mairie.", "lundi", "2025-07-28"),
    ("2025-07-23", "Les sénateurs votent mardi soir le budget des ports.", "mardi soir",
     "2025-07-29"),
    ("2025-07-23", "Le vote de lundi a été reporté.", "lundi", "2025-07-21"),
    # "être" with a participle of motion is a passé composé, a past clause; with another
    # participle ("est fermé") it may be a state, no tense
    ("2025-07-23", "La délégation est arrivée en hiver au col.", "hiver", "2024-WI"),
    ("2025-07-23", "Le ministre est arrivé mardi et repartira jeudi.", "mardi", "2025-07-22"),
    ("2025-07-23", "Le musée est fermé en hiver.", "hiver", None),
    # hundreds (numbers.yaml hundreds): a unit times "cent", then a number below a hundred
    ("2025-07-23", "Le moulin a été bâti il y a deux cents ans.", "il y a deux cents ans",
     "1825"),
    ("2025-07-23", "La cathédrale a brûlé il y a trois cent vingt-cinq ans.",
     "il y a trois cent vingt-cinq ans", "1700"),
    ("2025-07-23", "Le bail expire dans cent vingt jours.", "dans cent vingt jours",
     "2025-11-20"),
    # a sentence may open with a capitalised season, in a placed phrase
    ("2025-07-23", "Été 2023 : la sécheresse a vidé les étangs.", "Été 2023", "2023-SU"),
    ("2025-07-23", "La neige a manqué. Hiver dernier, les pistes sont restées vertes.",
     "Hiver dernier", "2024-WI"),
    # decades and centuries (years.yaml), valued as English's "the 1980s", "the 19th century"
    ("2025-07-23", "Le quartier date des années 1960.", "années 1960", "196"),
    ("2025-07-23", "Dans les années 80, la filature a fermé.", "les années 80", "198"),
    ("2025-07-23", "Les années soixante-dix ont vidé le bourg.", "Les années soixante-dix",
     "197"),
    ("2025-07-23", "Au XIXe siècle, le port exportait du vin.", "XIXe siècle", "18"),
    ("2025-07-23", "Le 20e siècle a rasé le vieux pont.", "Le 20e siècle", "19"),
    # the night told by the two days it joins: one expression, the DATE of the first
    ("2025-07-23", "Dans la nuit de samedi à dimanche, un hangar a brûlé.",
     "nuit de samedi à dimanche", "2025-07-19"),
    ("2025-07-23", "Dans la nuit du lundi au mardi, la digue a cédé.", "nuit du lundi au mardi",
     "2025-07-21"),
    # a month or a day of it placed by "dernier", "prochain" (months.yaml relative): the
    # latest before the dateline's, the first after it; "le 20 janvier dernier" written in
    # July is this January's, though next January's is nearer
    ("2025-07-23", "Le 20 janvier dernier, le maire a parlé.", "20 janvier dernier",
     "2025-01-20"),
    ("2025-07-23", "En décembre dernier, la criée a fermé.", "décembre dernier", "2024-12"),
    ("2025-07-23", "Juillet dernier fut torride.", "Juillet dernier", "2024-07"),
    ("2025-07-23", "Le 3 août prochain, le bac reprendra.", "3 août prochain", "2025-08-03"),
    # an approximate amount keeps its date, a vague one is PAST_REF / FUTURE_REF
    # (numbers.yaml approximately, vague), as English "more than two years ago", "a few days ago"
    ("2025-07-23", "Il y a plus de deux ans, la digue a cédé.", "Il y a plus de deux ans",
     "2023"),
    ("2025-07-23", "Il y a quelques jours, le maire a parlé.", "Il y a quelques jours",
     "PAST_REF"),
    # a range's first end, written without a year, takes the one its last names (months.yaml
    # range_links), as English "from March 3 to May 9, 2019"
    ("2025-07-23", "Le musée est resté fermé du 4 février au 20 avril 2016.", "4 février",
     "2016-02-04"),
    ("2025-07-23", "Les quais ont été refaits entre novembre et mars 2012.", "novembre",
     "2011-11"),
    # ... and a bare first day is that day of the last's month and year
    ("2025-07-23", "La foire s'est tenue du 9 au 11 juin 2017.", "9", "2017-06-09"),
]


@pytest.mark.parametrize("dct, text, expr, value", CASES)
def test_french_reading(dct, text, expr, value):
    dateline = datetime.date.fromisoformat(dct)
    found = {t.text: t.time.value for t in tag(text, dateline, lang="fr")}
    assert found.get(expr) == value, found


@pytest.mark.parametrize("text, number", [
    ("La manifestation a réuni 1500 personnes.", "1500"),  # no year word before the number
    ("Le chômage a reculé de 2 % en 2024,5 points près.", "2024"),  # a decimal is no year
])
def test_numbers_that_are_no_year(text, number):
    found = [t.text for t in tag(text, datetime.date(2024, 8, 2), lang="fr")]
    assert number not in found, found


@pytest.mark.parametrize("text", [
    "Elle a fait ses courses au Printemps Haussmann.",  # a capitalised season is a name
    "Le Printemps 2024 des poètes a ouvert.",  # a name too: only a sentence may open with one
    "En été, le village se remplit de randonneurs.",  # any summer, as English "in summer"
    "Le bilan a été lourd.",  # a participle
    "Il a chanté au printemps de sa vie.",  # a topic
])
def test_no_season_in_french(text):
    assert tag(text, datetime.date(2024, 5, 15), lang="fr") == []


def test_number_words_of_no_number_count_nothing():
    assert tag("Il y a vingt-trente ans.", datetime.date(2024, 5, 15), lang="fr") == []
    # ten is no count of hundreds, nor a hundred and more a rest below a hundred
    assert tag("Il y a dix cents ans.", datetime.date(2024, 5, 15), lang="fr") == []
    assert tag("Il y a cent cent ans.", datetime.date(2024, 5, 15), lang="fr") == []
    # a year is no decade, nor "IIX" a numeral
    assert tag("Les années 1985 furent rudes.", datetime.date(2024, 5, 15), lang="fr") == []
    assert tag("Le IIXe siècle.", datetime.date(2024, 5, 15), lang="fr") == []


def test_a_capitalised_month_name_after_a_preposition_is_no_month():
    assert tag("La sonde file vers Mars depuis Mai.", datetime.date(2025, 7, 23), lang="fr") == []


def test_the_expression_leaves_the_year_word_out():
    text = "Le stade a été construit en 1998."
    found = tag(text, datetime.date(2024, 8, 2), lang="fr")
    assert [(t.text, t.start) for t in found] == [("1998", len("Le stade a été construit en "))]


def test_without_a_dateline_relative_readings_stay_open():
    found = {t.text: (t.time.value, t.time.anchored)
             for t in tag("Le maire a démissionné mardi dernier, fin mars, ce matin.", None,
                          lang="fr")}
    assert found == {"mardi dernier": ("XXXX-XX-XX", False), "fin mars": ("XXXX-03", False),
                     "ce matin": ("XXXX-XX-XX", False)}


def test_month_parts_are_data_in_both_languages():
    assert english().month_parts["late"] == english().month_parts["end"] == (21, 31)
    french = load("fr")
    assert french is not None and french.month_parts == {"début": (1, 10), "mi": (11, 20),
                                                        "fin": (21, 31)}


def test_french_datelines_read_the_folder_abbreviations():
    found = find_dateline("Jeudi 12 févr. 2026\nLes dockers votent.", lang="fr")
    assert found.date == datetime.date(2026, 2, 12)


@pytest.mark.parametrize("lang, text, expr, value", [
    ("fr", "Le mardi 3 juin 2025, le pont a cédé.", "mardi 3 juin 2025", "2025-06-03"),
    ("fr", "Lundi 21 juillet, la digue a tenu.", "Lundi 21 juillet", "2025-07-21"),
    ("de", "Am Dienstag, den 3. Juni 2025, brach die Brücke.", "Dienstag, den 3. Juni 2025",
     "2025-06-03"),
    ("de", "Am Montag, 21. Juli, hielt der Deich.", "Montag, 21. Juli", "2025-07-21"),
    ("es", "El martes 3 de junio de 2025 cedió el puente.", "martes 3 de junio de 2025",
     "2025-06-03"),
])
def test_a_weekday_opening_a_date_is_one_expression(lang, text, expr, value):
    # (French, German and Spanish alike) the weekday alone is no other day: "le mardi 3
    # juin 2025" written in July is that day, not the latest Tuesday beside it
    found = [(t.text, t.time.value) for t in tag(text, datetime.date(2025, 7, 23), lang=lang)]
    assert found == [(expr, value)]


# clock times (clock.yaml) and lengths (units.yaml lengths), with their TIMEX3 types: the
# values, types and spans English gives "at 3 p.m. on Monday", "midnight", "for three days"
# (2025-07-23 is a Wednesday)
TYPED = [
    ("2025-07-23", "La préfète tiendra un point presse à 15 heures.", "15 heures",
     "2025-07-23T15:00", "TIME"),
    ("2025-07-23", "Le dernier bac part à 18h45 du quai nord.", "18h45", "2025-07-23T18:45",
     "TIME"),
    ("2025-07-23", "Les secours sont arrivés vers 9 h sur la digue.", "9 h", "2025-07-23T09:00",
     "TIME"),
    ("2025-07-23", "Les cloches ont sonné à midi sur le port.", "midi", "2025-07-23T12:00", "TIME"),
    ("2025-07-23", "Le couvre-feu commence à minuit.", "minuit", "2025-07-23T24:00", "TIME"),
    ("2025-07-23", "Le marché couvert ouvre dès 7h.", "7h", "2025-07-23T07:00", "TIME"),
    ("2025-07-23", "L'orage a éclaté à trois heures de l'après-midi.",
     "trois heures de l'après-midi", "2025-07-23T15:00", "TIME"),
    ("2025-07-23", "Le train part à 9 heures du matin.", "9 heures du matin", "2025-07-23T09:00",
     "TIME"),  # a part of the day, though "du" follows the hour (clock.yaml unless)
    ("2025-07-23", "La séance reprend à 15 heures demain.", "15 heures", "2025-07-23T15:00",
     "TIME"),
    ("2025-07-23", "Le conseil se réunira lundi à 15 heures en mairie.", "lundi à 15 heures",
     "2025-07-28T15:00", "TIME"),
    ("2025-07-23", "La digue a cédé mardi vers 4 h.", "mardi vers 4 h", "2025-07-22T04:00",
     "TIME"),
    ("2025-07-23", "Le ministre parlera demain à midi.", "demain à midi", "2025-07-24T12:00",
     "TIME"),
    ("2025-07-23", "La grève des dockers a duré pendant trois jours.", "trois jours", "P3D",
     "DURATION"),
    ("2025-07-23", "Les pêcheurs attendent la prime depuis deux semaines.", "deux semaines",
     "P2W", "DURATION"),
    ("2025-07-23", "Trois ans ont passé depuis la crue.", "Trois ans", "P3Y", "DURATION"),
    ("2025-07-23", "Le chantier de l'écluse a duré plus de deux ans.", "plus de deux ans", "P2Y",
     "DURATION"),
    ("2025-07-23", "Le débat a duré 1,5 heure.", "1,5 heure", "PT1H30M", "DURATION"),
    # a time alone is of the day last named in its paragraph or the one before, as English's
    ("2025-07-23", "Le 3 juin, à 15 heures, la digue a cédé.", "15 heures", "2025-06-03T15:00",
     "TIME"),
    ("2025-07-23", "Le 3 juin, la digue a cédé.\n\nLa mairie a parlé.\n\nÀ 9 h, la sirène a retenti.",
     "9 h", "2025-07-23T09:00", "TIME"),
    # the placed readings keep their dates
    ("2025-07-23", "Le pont a cédé il y a trois ans.", "il y a trois ans", "2022", "DATE"),
    ("2025-07-23", "Le verdict tombera dans trois jours.", "dans trois jours", "2025-07-26",
     "DATE"),
    ("2025-07-23", "Il y a 3 heures, l'alerte a été levée.", "Il y a 3 heures", "2025-07-23",
     "DATE"),
]


@pytest.mark.parametrize("text", [
    "Le refuge est à deux heures de marche du col.",
    "Le barrage se trouve à trois heures de Lyon.",
    "Le phare est à une heure des côtes.",
    "L'île est à deux heures d'avion de Marseille.",
])
def test_a_distance_in_hours_is_no_clock_time(text):
    """clock.yaml unless: "à deux heures de route" is a distance, no 2:00 of the dateline's day."""
    assert [t for t in tag(text, datetime.date(2025, 7, 23), lang="fr") if t.time.type == "TIME"] == []


@pytest.mark.parametrize("dct, text, expr, value, type_", TYPED)
def test_french_clock_times_and_lengths(dct, text, expr, value, type_):
    check_typed(dct, text, expr, value, type_, "fr")


@pytest.mark.parametrize("text", [
    "Un jour, le village renaîtra.",  # some day, as English "one day"
    "Le berger a dormi tout l'après-midi.",  # no noon inside "après-midi"
    "Le vent du Midi a soufflé fort.",  # the south, capitalised
    "Le score final était de 3 à 15.",  # no hour word
])
def test_no_clock_time_or_length_in_french(text):
    assert tag(text, datetime.date(2025, 7, 23), lang="fr") == []
