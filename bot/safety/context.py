"""Idioms to mask before matching; topic and negation cues that overrule bare key words."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from bot.safety import reach
from bot.safety.patterns import compile_rule
from bot.safety.ruleset import load_macros

__all__ = [
    "REPORTED_THREAT_MASK",
    "THREAT_MASK",
    "at_play",
    "beyond_story",
    "in_fiction",
    "index",
    "is_negated",
    "mask_idioms",
    "on_topic",
    "prepare",
    "recovered",
    "routine_dose",
]

# Idioms are masked (replaced by a placeholder) rather than used to veto the whole message, so
# "ik verveel me dood en wil eigenlijk gewoon dood" still reaches the rule for "wil dood".

_MASK = " _ "
_SPACES = re.compile(" {2,}")
_FEELINGS = (
    r"(?:lachen|honger|dorst|verveling|hitte|warmte|kou|stress|schaamte|schrik|spanning|zenuwen|"
    r"vermoeidheid|moeheid|slaap|gamen|leren|school|examens|toetsen|huiswerk|cringe|plezier|"
    r"ongeduld|nieuwsgierigheid|de pijn in mijn buik|jaloezie|benieuwdheid|die les|dat college|"
    r"die docent|de muziek|verlangen|de zenuwen|de hitte|de kou|heimwee)"
)

_IDIOMS_SOURCE = "|".join(
    (
        # Dutch: "ik verveel me dood", "ik lach me dood", "ik schrok me dood".
        r"\b(?:verveel|verveelde|vervelen|verveelt|lach|lachte|lachen|lacht|schrok|schrik|"
        r"schrikt|schrokken|schaam|schaamde|werk|werkte|werken|zoek|zocht|zoeken|erger|"
        r"ergerde|zuip|dans|fiets|loop|liep|ren|rende|wacht|wachtte|stress|schaamt) "
        r"(?:me|mij|mezelf|ons|je|zich) (?:<any>)(?:dood|rot|ongeluk|kapot|een ongeluk)\b",
        # "dood van de honger", "doodgaan van het lachen", "ik ga dood van de stress".
        r"\bdood ?(?:gaan|ga|gaat|ging|gingen|gegaan)? (?:<any>)(?:van|door|vanwege|aan) "
        r"(?:het |de |die |dat |al die |mijn |zo n |zoveel )?" + _FEELINGS + r"\b",
        # Split compounds: "dood moe", "dood eng", "dood normaal", "op sterven na dood".
        r"\bdood (?:moe|eng|normaal|gewoon|ziek|saai|bang|stil|simpel|zonde|leuk|serieus|"
        r"jammer|op|nerveus|eenvoudig|stom|kalm|chill|lekker|graag)\b|\bop sterven na dood\b",
        r"\b(?:zou|kan|kon) (?:er )?(?:wel )?(?:dood )?(?:voor )?(?:gaan )?sterven voor\b",
        # Parents "killing" you over grades: hyperbole, not a threat.
        r"\b(?:me|mij|ons) (?:vermoordt|vermoord|vermoorden|afmaakt) (?:als|wanneer|zodra)\b",
        r"\b(?:vermoordt|vermoord|vermoorden|maakt|maken) (?:me|mij|ons) (?:echt |"
        r"gewoon )?(?:af )?(?:als|wanneer|want|omdat|zodra)\b",
        r"\bkill (?:me|us) (?:if|when|for|because|lol|haha)\b|\bgoing to kill me if\b",
        # English: "this homework is killing me", "killing it", "i'm dead", "dying of".
        r"\b(?:is|was|are|its|it is|this|that|these|those|thats) (?:so |literally |actually |"
        r"really |lowkey |just ){0,6}killing (?:me|us)\b",
        r"\bkill(?:ing|ed|s)? (?:it|that|the game|time|the vibe|the mood|the lights)\b",
        r"(?<!wish )(?<!hope )\b(?:i am|i was) (?:so |literally |actually |lowkey |absolutely "
        r"){0,6}(?:dead|ded|"
        r"dying|deceased)\b",
        r"\b(?:dying|die|died|dead) (?:of|from) (?:laughter|laughing|embarrassment|boredom|"
        r"hunger|thirst|the heat|cringe|cuteness|shame)\b",
        # "a cake to die for", but not "wanting to die for weeks" or "i want to die for real".
        r"(?<!want )(?<!wants )(?<!wanted )(?<!wanting )(?<!ready )(?<!going )(?<!trying )"
        r"(?<!deserve )\bto die for\b(?! (?:weeks|months|years|days|ages|so long|a long time|"
        r"a while|some time|the (?:past|last)|\d+|a few|two|three|several|many)\b)|"
        r"\bdead (?:tired|serious|inside lol|funny)\b|\bwould die for\b",
        r"\bbeat (?:me|us) (?:at|in)\b|\b(?:hit|hits) me up\b|(?<!hope i get )(?<!wish i got )"
        r"(?<!hope i got )(?<!wish i get )(?<!if i got )(?<!if i get )(?<!if i was )"
        r"(?<!if i were )\bhit (?:me )?by (?:a|the) (?:ca"
        r"r|bus|ball|bike)\b",
        # A plain denial: "ik heb geen gedachten om mezelf iets aan te doen".
        r"\bgeen (?:gedachten|plannen|plan|neiging|behoefte|intentie|zin) (?:om|aan|over) "
        r"(?:<me>) (?:iets|wat) (?:aan te doen|aandoen|aan doen)\b",
        # Accidents and sport are not self-harm.
        r"\b(?:me|mezelf) (?:<any>)gesneden aan (?:een |het |de |zo n |zon |dat |die |mijn )?"
        r"(?:groot |grote |scherp |scherpe |nieuw |nieuwe )?(?:mes|messen|broodmes|keukenmes|"
        r"zaag|zaagblad|schaar|snijmachine|mandoline|rasp|blikje)\b",
        r"\b(?:me|mezelf|myself) (?:<any>)(?:gesneden|bezeerd|pijn gedaan|geblesseerd|hurt|"
        r"cut|burned) (?:aan|bij|met|in|tijdens|while|when|playing|at|on) (?:een |het |de |"
        r"mijn |a |the |my )?(?:blikje|papier|glas|scherf|koken|keuken|vinger|duim|sport|"
        r"sporten|voetbal|voetballen|training|gym|fitness|hockey|hardlopen|vallen|football|"
        r"soccer|cooking|kitchen|paper|glass|finger|thumb|oven|stove|strijkijzer|bike|fiets)",
        r"\b(?:hurt|injured|cut|burned|burnt) myself (?:playing|during|while (?:cooking|shavin"
        r"g|"
        r"playing|running|skating|working)|at (?:the gym|work|practice|training|football)|on "
        r"(?:a|the) (?:stove|oven|pan|glass|nail))\b",
        # Burned on the stove or the iron. ("angerand": the fuzzy step reads "gebrand" as
        # "aangerand", and "aangerand aan de oven" is no assault in any reading.)
        r"(?<!expres )(?<!bewust )\b(?:me|mezelf|mijn [a-z]+) (?:(?!expres|bewust|"
        r"met opzet)[a-z]+ ){0,3}"
        r"(?:gebrand|verbrand|angerand) "
        r"(?:aan|op|met|bij) "
        r"(?:een |het |de |mijn |die |dat )?(?:strijkijzer|strijkbout|pan|oven|fornuis|"
        r"kookplaat|waterkoker|thee|koffie|soep|theelicht|krultang|stijltang|uitlaat|grill|"
        r"bbq)\b",
        # "i scraped my knee": the fuzzy step reads "scraped" as a key word; a body part as
        # the object is never that key word.
        r"\b(?:raped|rape) (?:my|his|her|your) (?:knee|knees|elbow|elbows|shin|shins|hand|"
        r"hands|palm|palms|leg|legs|arm|arms|skin|chin|face|finger|fingers|ankle|ankles|toe|"
        r"toes|foot|feet|nose|forehead|hip|hips)\b",
        r"\b(?:gesneden|sneed|snij) (?:me |mezelf )?(?:aan|in) (?:een |het |de |mijn )?(?:blik"
        r"je|"
        r"papier|glas|scherf|vinger|duim)\b",
        # "dat examen was zelfmoord", "social suicide": risky, not deadly; "I could kick
        # myself"; "I'd rather die than go to that party" (but not "than live like this", "than
        # tell them", "than go back to him").
        r"\b(?:dat|dit) (?:[a-z]+ )?(?:is|was|wordt|lijkt|leek|zou) (?:echt |gewoon |pure |"
        r"puur |totale |totaal |letterlijk |een |wel ){0,6}zelf ?moord(?: zijn)?\b(?! (?:plegen|"
        r"gepleegd|gedachten))|\b(?:sociale|social|career|carriere) (?:zelf ?moord|suicide)\b"
        r"|\bzelf ?moord om (?:te|zonder|met|in|bij|nu|zo) ",
        r"\b(?:kan|kon|zou|could) (?:<me>|myself) (?:wel )?(?:voor (?:mijn|de) (?:kop|"
        r"hoofd) )?"
        r"(?:slaan|schoppen|kick|slap)\b",
        r"\brather (?:just )?die than (?!(?:live|living|go on|going on|keep|wake|be alive|"
        r"be here|"
        r"exist|feel|this|continue|tell|go back|face|marry|be married|return))",
        # Topic compounds: a news word, not a personal sign.
        r"\bzelf ?moord ?(?:aanslag|aanslagen|terrorist|terroristen|actie|commando|missie|"
        r"squad|preventie|cijfers|percentage|statistieken|lijn|dader|vest|opening|gambiet|"
        r"pass|passje|sprint)\w*"
        r"|\bzelf ?doding ?s?(?:preventie|cijfers)\w*"
        r"|\bsuicide ?(?:preventie|cijfers|percentage|statistieken|onderzoek)\w*",
        r"\bsuicide (?:squad|mission|doors|door|bomber|bombing|bombings|attack|attacks|rate|"
        r"rates|prevention|hotline|awareness|statistics|run|pact film|opening|gambit|pass|"
        r"sprint)\b",
        # Heat and hangovers "killing" you; song titles.
        r"\b(?:heat|heatwave|heat wave|weather|sun|humidity|hittegolf|hitte|warmte|"
        r"temperature|temperatuur) (?:is |are |was )?(?:<any>)?(?:trying to|going to|gonna) "
        r"kill (?:me|us)\b|\bhungover (?:<any>)?(?:i )?(?:want to|wanna|wana) die\b|"
        r"\b(?:wanna|want to|wana) live forever\b|\bsuicide (?:and|&) redemption\b",
        r"\b(?:dood|dead) (?:in|bij|op) (?:de |het |een )?(?:game|fortnite|minecraft|level|"
        r"spel|among us|roblox|valorant|fifa|gta|cod)\b",
    )
)

# Words that put a bare key word in a topic (film, lesson, news) instead of in a life. Not a bare
# "vak": folded, "vaak" is "vak", and "ik denk vaak aan ..." would silence every guarded rule.
# "a girl in my class wants to die": the class only places the person; it is no topic.
_PLACED = "".join(
    f"(?<!{who} {where} )"
    for who in ("girl", "guy", "boy", "someone", "somebody", "kid", "student", "friend",
                "classmate", "meisje", "jongen", "iemand", "vriend", "vriendin")
    for where in ("in my", "from my", "in mijn", "uit mijn")
)  # fmt: skip
_TOPIC_SOURCE = (
    _PLACED
    + r"\b(?:film|films|serie|series|boek|boeken|roman|documentaire|docu|nieuws|artikel|krant|"
    r"plot twist|plottwist|cliffhanger|first round|eerste ronde|s[0-9]|season [0-9]+|"
    r"seizoen [0-9]+|"
    r"werkstuk|spreekbeurt|presentatie|lessen|opdracht|essay|scriptie|onderzoek|podcast|"
    # A lesson has a Dutch word before it; folded, English "less" reads "les" too ("dying
    # feels less scary than ..." is no lesson).
    r"(?:(?<![a-z ])|(?<=\. )|(?:de|die|een|mijn|m|onze|deze|het|na|in|tijdens|van|bij|welke|"
    r"elke|hele|heb|had|hebben|hadden|geen|uit|naar|voor|over|op|zo|engelse|duitse|franse|wiskunde|gym|"
    r"dans|zwem|rij|muziek|piano|gitar|zang|eerste|laatste|volgende|vorige|morgen|vandag) )les|"
    r"aflevering|liedje|nummer|songtekst|game|movie|show|episode|book|novel|article|news|"
    r"documentary|homework|assignment|class|lecture|research|paper|statistics|statistieken|"
    r"cijfers|preventie|prevention|awareness|voorlichting|thema|themas|theme|themes|campagne|"
    r"personage|hoofdpersoon|"
    r"character|netflix|song|lyrics|college|tentamen|toets|wiki|wikipedia|gedicht|poem|"
    r"museum|geschiedenis|history|politie onderzoek|rechtszaak|dader|daders|verdachte|"
    r"tiktok video|youtube|dit vak|welk vak|vakken|biologie|maatschappijleer|psychologie|"
    r"filosofie|debat|"
    r"discussie|theater|toneel|schrijver|auteur|journalist|tv|televisie|radio|album|"
    r"onderwerp|topic|quiz|vraag over|criminologie|criminology|seminar|werkcollege|hoorcollege|"
    r"casus|casussen|case study|case studies|cursus|course|module|sociologie|sociology|"
    r"workshop|gastles|guest lecture|analyseren|analyse|analysis|analyze|"
    r"analyzing|analysing|verslag|verslagen|stageverslag|verzorging|ehbo|reanimeren|"
    r"reanimatie|gitaar|guitar|solo|zanger|zangeres|acteur|actrice|rapper|singer|actor|actress|"
    r"celebrity|beroemdheid|influencer|memes|meme|media|twitter|minor|thesis|dissertation|"
    r"scriptiebegeleider|literatuur|literature|bronnen|sources|risicofactoren|risk factors|"
    r"gatekeeper|vrijwilliger|vrijwilligers|volunteer|volunteers|vrijwilligerswerk|luisterlijn|"
    r"pabo|trial|moderation|moderatie|journalistiek|journalism|reporting|footballer|voetballer|"
    r"lp|vinyl|workout|drill|sprint|treadmill|voorstelling|schouwburg|musical|enquete|survey|"
    r"vragenlijst|ted talk|books|criminal law|studying law|law student|law school|law class|"
    r"strafrecht|familierecht|qpr|(?:training|trainingen|cursus|workshop|webinar)(?: [a-z]+){0,2}"
    r" (?:over|on|about) (?:het |de )?"
    r"(?:gesprek|signalen|suicide|suicidaliteit|zelfdoding|zelfmoord|preventie|herkennen)|"
    # Round BR: a training on how to handle it, passing it on to a platform's safety team, a
    # moot court's invented case, a pupil asking why people do it (folded spelling: "mot").
    r"(?:training|trainingen|cursus|workshop|webinar|uitleg|instructie|instructies)"
    r"(?: [a-z]+){0,2} (?:over|on|about) (?:hoe|how)|escaleren|escaleer|escaleert|geescaleerd|"
    r"escalate|escalated|escalating|escalation|escalatie|safety team|trust and safety|mot court|"
    r"pleitwedstrijd|fictional case|fictieve zaak|oefenzaak|oefenrechtbank|"
    r"(?:vroeg|vraagt|vroegen|vragen|asked|asks|asking) (?:me |mij |ons |us |hem |haar )?"
    r"(?:waarom|why) (?:mensen|people)|"
    # Training to help (round BL): a role play, a protocol, asking about it as a skill, a risk
    # scale, research data on a group of people, and how to write about it.
    r"rollenspel|rollenspellen|roleplay|role play|protocol|protocollen|uitvragen|uitvraagt|"
    r"uitvroeg|uitgevraagd|(?:speelde|speel|spelen|played|play|playing) (?:de|een|the|a) "
    r"(?:client|patient)|risicotaxatie|risicotaxaties|risk assessment|rating scale|"
    r"severity scale|dataset|datasets|spss|variabelen|variables|mediarichtlijnen|richtlijnen|"
    r"guidelines|phrasing|wording|terminologie|terminology|flashcards|preventie[a-z]+|"
    r"(?:bij|onder|among) (?:adolescenten|jongeren|pubers|tieners|studenten|jongvolwassenen|"
    r"adolescents|teenagers|teens|young people|students)|"
    r"signalen (?:herkennen|herkent|herken|opvangen)|warning signs)\b"
)
# A combat sport or a video game named anywhere in the message: there "got shot", "werd
# geslagen" and "got stabbed" are most often play ("pubg match today: landed in school, got shot
# in 20 seconds"). Only names no everyday sentence uses otherwise: not "game", not "match", and
# not "sparren", which folds to "sparen" (to save money).
_PLAY_SOURCE = (
    r"\b(?:boxing|boksen|bokszak|bokstraining|bokswedstrijd|boksles|bokslessen|bokschool|"
    r"boksclub|boksgala|kickbokstraining|kickboxing|kickboksen|thaiboksen|muay thai|sparring|"
    r"gesparred|sparringpartner|mma|bjj|jiu jitsu|jiujitsu|judo|karate|taekwondo|"
    r"worstelen|wrestling|paintball|paintballen|lasergame|lasergamen|airsoft|"
    r"fortnite|pubg|valorant|rainbow six|siege|r6|warzone|call of duty|apex|tf2|team fortress|"
    r"minecraft|gta|among us|roblox|overwatch|counter strike|csgo|cs2|league of legends|"
    r"dota|elden ring|dark souls|respawn|respawned|respawnen|spawn|spawnde|killcam|headshot|"
    r"headshots)\b"
)
# A story, not a life: a game's level, a film's or series' scene, a character. Read in the
# sign's own clause, for every rule, guarded or not ("in the game you have to jump off a cliff to
# reach the secret level", "in de serie wil een personage van een brug springen"); only words
# that put the clause inside the story, not "game" or "film" alone ("ik kijk een film maar ik
# wil van een brug springen" is the writer's own).
_FICTION_SOURCE = (
    r"\b(?:in (?:the|de|het|dat|die|this|dit|deze|that|my|mijn) (?:game|spel|film|movie|serie|"
    r"series|show|boek|book|anime|manga|level)|personage|personages|character|characters|protagonist|"
    r"hoofdpersoon|hoofdpersonage|the hero|de held|leap of faith|npc|my avatar|mijn avatar|"
    # A lesson's exercise: "bij de ehbo les leerden we wat je doet als iemand te veel pillen
    # heeft genomen", "we did a simulation where a 'patient' had an overdose".
    r"rollenspel|role play|roleplay|simulatie|simulation|leerden we|we leerden|"
    r"we learned|we learnt|we practiced|we practised|we oefenden|"
    # A story told by a book, song or series with someone else in it (round BV): "i'm reading a
    # thriller where the detective gets stabbed", "dat nummer gaat over iemand die niet meer wil
    # leven", "het boek dat ik lees gaat over een meisje dat van een klif springt".
    r"(?:thriller|novel|roman|detective|horrorfilm|horror film|horror movie|podcast|documentary|"
    r"docu|documentaire|nummer|liedje|song|boek|book|film|movie|serie|series|show|musical|"
    r"toneelstuk|verhaal|story) (?:[a-z]+ ){0,3}?(?:where|waarin|in which|"
    r"gaat over (?:een|iemand|de tijd)|is about (?:a|someone|the time)|"
    r"over (?:een|iemand|de tijd)|about (?:a|someone|the time)))\b"
)
# A game by its title just after a sign: "i'm gonna jump off this cliff in gta", "op de rand van
# die toren in assassin's creed" (round AV). Titles only: "in de game" after a sign can be a
# story about the game ("ik wil dood, ook in de game gaat alles mis").
_GAME_AFTER_SOURCE = (
    r"[^.]{0,40}?\bin (?:the |de |het |this |dit |deze )?(?:gta|gta [0-9]|minecraft|fortnite|"
    r"zelda|assassins creed|skyrim|elden ring|dark souls|roblox|the sims|red dead|rdr2|"
    r"cyberpunk|fallout|halo|far cry|hogwarts legacy|pokemon|mario|sea of thieves|pubg|"
    r"warzone|apex|valorant|overwatch|call of duty|stardew|genshin|breath of the wild|"
    r"tears of the kingdom|botw|totk|spiderman|spider man|tomb raider|mirrors edge|uncharted|"
    r"the last of us|god of war|hitman|sekiro|bloodborne|hollow knight|celeste)\b"
)
_NEGATION_SOURCE = r"\b<neg>\b"
_NEGATION_WINDOW = 4


# "kill me if", "vermoordt me als" is hyperbole from a parent about grades, but not when it is a
# threat someone made: "he threatened to kill me if i leave", "ze zeggen dat ze me vermoorden als
# ik met hem trouw". Then the idiom becomes a token instead of a blank: the abuse rules read it as
# a conditional threat, while no rule for acute danger sees "kill me" in it. After "says" or "zegt
# dat" hyperbole is common too ("mn moeder zegt dat ze me vermoordt als ..., haha"), so that token
# has its own name and its rule yields to laughter.
THREAT_MASK = " _threat_ "
REPORTED_THREAT_MASK = " _saidthreat_ "
_THREAT_WORDS_SOURCE = (
    r"\b(?:kill (?:me|us)|(?:vermoord\w*|maakt|maken|afmaakt) (?:me|mij|ons)|(?:me|mij|ons) "
    r"(?:(?:gaat|gaan|zal|zullen) )?(?:vermoord\w*|afmaakt|afmaken))\b"
)
_THREAT_BEFORE_SOURCE = r"\b(?:threaten\w*|dreig\w*|bedreig\w*|gedreig\w*)\b[^.]{0,60}$"
_REPORT_BEFORE_SOURCE = (
    r"\b(?:says|said|say|told|tells|texts|texted|swore|swears|zegt|zei|zeggen|zeiden|appt|appte|"
    r"stuurt|stuurde|schreeuwt|schreeuwde|roept|riep|gezegd|gezworen|gestuurd|geappt)\b[^.]{0,60}$"
)

# What the threat hangs on decides whether it is hyperbole: a mother "kills" you over a grade, a
# partner or a family that "kills" you if you leave, tell, break up or come out is a threat, so
# that condition makes the token unguarded even without "dreigt" or "zegt". Afraid of it ("ik ben
# bang dat hij me vermoordt als ...") with a condition of going away or telling is a threat too.
_COERCION_AFTER_SOURCE = (
    # "... als hij me met iemand anders ziet": jealousy is a threat's condition too.
    r"^\s*(?:hij|ze|zij|he|she|they)\s+(?:me|mij|ons|us)\s+(?:ooit |nog |ever |ook )*(?:met|with) "
    r"(?:iemand anders|een ander|een andere (?:jongen|man|meid|vrouw)|een jongen|een meisje|"
    r"someone else|another (?:guy|girl|man|woman|boy)) (?:ziet|zie|betrapt|sees|catches)|"
    r"^\s*(?:ik|i|we|wij)\s+(?:ooit |echt |nog |ever |dare |even |het |ooit nog )*(?:"
    r"(?:het )?uitmaak|uit maak|break up|broke up|(?:hem|haar|hun|him|her|them) verlaat|"
    r"(?:bij|van) (?:hem|haar|hun|hen|hier|huis) (?:weg ?ga|wegga|vertrek|wegloop|weg loop)|"
    r"(?:naar|bij) de politie|(?:de )?politie bel|aangifte doe|go to the police|call the police|"
    r"report (?:him|her|them|it)|(?:het |dit )?(?:aan |tegen )?(?:iemand|iedereen|"
    r"de juf|de meester|een docent|mijn mentor|de politie) (?:vertel|zeg)|"
    r"(?:tell|told) (?:anyone|anybody|someone|somebody|the police|a teacher|my teacher)|"
    r"uit de kast|come out|came out|(?:gay|homo|lesbisch|bi|trans) ben|"
    r"(?:met|with) (?:een |a )?(?:jongen|meisje|ander|andere|someone else|another) |"
    r"een (?:vriend|vriendin|vriendje|vriendinnetje) heb|(?:nee|no) zeg|say no|said no|weiger|"
    r"refuse|niet (?:met (?:hem|haar) )?trouw|hulp (?:zoek|haal)|wegloop|weg loop|run away|"
    r"ran away)"
)
# A threat said to hang on borrowing, using or eating something of theirs is hyperbole however it
# is reported ("mijn vader zegt dat hij me vermoordt als ik weer z'n auto leen zonder te
# tanken", round BM): it masks as an idiom, unless a threat word or a condition of
# `_COERCION_AFTER_SOURCE` made it a threat first.
_TRIVIAL_AFTER_SOURCE = (
    r"^\s*(?:ik|i|je|jij|you|we)\s+(?:[a-z]+\s+){0,3}(?:zijn|zn|haar|hun|his|her|their)\s+"
    r"(?:auto|car|fiets|bike|scooter|oplader|charger|kleren|clothes|trui|hoodie|shirt|schoenen|"
    r"shoes|sneakers|make ?up|eten|food|chips|koekjes|cookies|snoep|snacks|playstation|ps5|xbox|"
    r"controller|games?|laptop|koffie|coffee|lunch|pizza|taart|cake|mok|mug|parfum|perfume|"
    r"shampoo|handdoek|towel|lader|headphones|koptelefoon|wifi|netflix|account|wachtwoord)\b"
)
_FEAR_BEFORE_SOURCE = (
    r"\b(?:bang|doodsbang|angstig|scared|afraid|terrified|vrees|fear)\b[^.]{0,50}$"
)
_FEAR_AFTER_SOURCE = (
    r"^\s*(?:ik|i|we|wij)\s+(?:ooit |echt |nog |ever |dare |even )*(?:weg ?ga|wegga|vertrek|"
    r"leave(?! (?:my|the|his|her|a|an|it|that|this|their|our|any|one) )|(?:het )?vertel|"
    r"(?:het )?zeg|praat|tell|talk)\b"
)

# A past that is over: "vroeger had ik suïcidale gedachten, maar dat is al lang voorbij", "two
# years ago i was self-harming, now i'm doing well". Only a bare key word (a guarded rule)
# yields to it, and only when its own clause says when (a past marker) and a later clause says
# it is over; a word of relapse anywhere ("nu weer", "again", "lately") keeps the sign.
_PAST_SOURCE = (
    r"\b(?:vroeger|toen ik|in de (?:brugklas|onderbouw|middelbare)|op de middelbare|"
    r"(?:een paar|twee|drie|vier|vijf|[0-9]+|paar|jaren|maanden) (?:jaar|jaren|maanden) "
    r"(?:geleden|terug)|jaren geleden|lang geleden|used to|back in (?:high school|school|the day)|"
    r"in high school|when i was (?:younger|a kid|a teen|[0-9]+)|"
    r"(?:a few|a couple of|two|three|four|five|[0-9]+|many) (?:years|months) ago|years ago|"
    r"long ago|in the past|vorig jaar|vorige zomer|vorige winter|last year|last summer|"
    r"last winter|(?:heb|had) (?:het )?wel eens gehad|in (?:19|20)[0-9]{2})\b"
)
_OVER_SOURCE = (
    r"\b(?:(?:dat|het) (?:is|was) (?:al |nu |gelukkig |echt )*(?:lang |jaren )?(?:voorbij|over|"
    r"geleden)|gaat (?:het )?(?:nu )?(?:gelukkig )?(?:veel |een stuk |echt )?(?:beter|goed)|"
    r"nu (?:gaat het|ben ik|voel ik me) (?:veel |een stuk |echt |gelukkig )*(?:beter|goed|"
    r"stabiel)|dankzij (?:therapie|hulp|de psycholoog)|"
    r"(?:maar |but )?(?:nu|now) (?:niet|not) (?:meer|anymore)|not anymore|no longer|"
    r"(?:ik ben|i am|im|i have|ive) (?:nu |now |helemaal |fully )?(?:hersteld|recovered)|"
    r"(?:blij|glad|dankbaar|grateful) (?:dat ik|that i|i am|im) (?:er )?(?:nog|still) "
    r"(?:ben|here|alive|leef|hier)|"
    r"(?:i am|im) (?:honestly |doing |feeling )*(?:so |much |a lot |really |way )*"
    r"(?:better|well|good|okay|ok|"
    r"fine|stable|in a good place)(?: now)?|(?:it is|its|that is|thats) (?:long |all )?(?:over|"
    r"behind me|in the past)|(?:clean|recovered|in recovery) (?:for|since)|"
    r"(?<!was )(?<!were )(?:[0-9]+|een|twee|drie|vier|vijf|a|one|two|three|four|five|paar|few|"
    r"several) (?:jaar|jaren|maanden|years|months) clean|"
    r"doing (?:much |a lot |so |really )*(?:better|well) now|"
    r"(?:(?:she|he|they|ze|hij|zij) (?:is|are|s|re|has|have)|shes|hes|theyre|theyve) "
    r"(?:been )?(?:now |nu |al |wel )*(?:doing |feeling )?"
    r"(?:so |much |a lot |really |veel |een stuk |echt )*(?:better|well|great|beter|stabiel)"
    r"(?! off| af)|"
    r"(?:in therapy|in behandeling) (?:now |nu )?(?:and|en) (?:doing|het gaat|gaat het) "
    r"(?:nu )?(?:great|well|better|good|fine|goed|beter)|"
    r"(?:is|ben|zijn) (?:nu )?(?:[0-9]+|een|twee|drie|a|one|two|three) (?:jaar|years?) "
    r"(?:verder|further|clean|later)|"
    r"(?:been|is|s) (?:fine|okay|ok|good|well|doing (?:fine|well|great|good)) for "
    r"(?:like |about |almost |over )?(?:[0-9]+|a few|many|several|two|three|four|five|six|ten) "
    r"(?:years|jaar|jaren))\b"
)
_RELAPSE_SOURCE = (
    r"\b(?:nu weer|weer (?:begonnen|gedaan|terug)|sinds kort weer|de laatste tijd|"
    r"tegenwoordig weer|(?:is|zijn) (?:weer )?terug|again|lately|these days|recently|relapsed|"
    r"relapse|started again|coming back|came back|back again|still|"
    r"doe (?:ik )?het (?:nu )?weer|(?:do|doing) it again|"
    # "ik was twee jaar clean, nu niet meer": clean no longer is a relapse.
    r"clean[^.]{0,30}(?:(?:nu|now) (?:niet|not)|not anymore|no longer|niet meer))\b"
)

# One's own medicines taken as usual ("ik heb mijn pillen al genomen vandaag", "just took my meds,
# going to bed", round BN): the model, reading pills and "taken", would raise it as an overdose.
# Only "mijn pillen al genomen", never "al mijn pillen genomen": the possessive comes straight
# before the medicine and the time word after it.
_MEDICINE = (
    r"(?:pillen|pil|pilletje|pilletjes|medicijnen|medicatie|meds|tabletten|tablet|ritalin|"
    r"concerta|dexamfetamine|insuline|insulin|antidepressiva|antidepressants|pills|medication|"
    r"medicine|tablets|sertraline|fluoxetine|lithium|inhaler|puffer)"
)
_ROUTINE_DOSE_SOURCE = (
    r"\b(?:mijn|mn|m) " + _MEDICINE + r" (?:[a-z]+ ){0,2}(?:al|net|vandaag|vanochtend|"
    r"vanmorgen|vanavond|gewoon|braaf|netjes|op tijd) (?:[a-z]+ ){0,2}(?:genomen|ingenomen|"
    r"geslikt|gespoten|gebruikt)\b|"
    r"\b(?:al|net|braaf|netjes) (?:mijn|mn|m) " + _MEDICINE + r" (?:[a-z]+ )?(?:genomen|"
    r"ingenomen|geslikt|gespoten)\b|"
    r"\b(?:took|taken|had|take) (?:my|me) " + _MEDICINE + r"(?: (?:already|today|this morning|"
    r"tonight|earlier|just now|on time|as usual|like always|like a good girl|like a good boy))\b|"
    r"\b(?:already|just) (?:took|taken|had) (?:my|me) " + _MEDICINE + r"\b"
)
# What turns medicines taken into a worry: an amount, a goodbye, not waking, saved-up pills, "not
# the normal way", someone asked to come and look.
_DOSE_WORRY_SOURCE = (
    r"\b(?:al mijn|al mn|alle|allemaal|te veel|teveel|hele|heel veel|extra|dubbel|handvol|"
    r"strip|strips|doosje|doos|potje|fles|voorraad|gespaard|spaarde|sparen|all of them|all my|"
    r"all the|all of|all at once|too many|"
    r"too much|whole|handful|bunch|double|box|pack|bottle|jar|stash|saved|everything|alles|"
    r"dood|die|dying|sterven|wakker|wake|sorry|doei|bye|vaarwel|goodbye|voor altijd|forever|"
    r"afscheid|einde|end|genoeg|enough|zelfmoord|suicide|overdosis|overdose|od|drank|alcohol|"
    r"wodka|vodka|wijn|wine|bier|beer|normale manier|normal way|anders dan normaal|"
    r"niet normaal|not normal|reageer|reageren|respond|answer|kijken|check on me|see if i|"
    r"kom langs)\b"
)


@cache
def _compiled(name: str) -> re.Pattern[str]:
    """Compiled on first use, so importing the detector costs nothing."""
    return compile_rule(_SOURCES[name], load_macros())


_SOURCES = {
    "idioms": _IDIOMS_SOURCE,
    "topic": _TOPIC_SOURCE,
    "play": _PLAY_SOURCE,
    "fiction": _FICTION_SOURCE,
    "game_after": _GAME_AFTER_SOURCE,
    "negation": _NEGATION_SOURCE,
    "threat_words": _THREAT_WORDS_SOURCE,
    "threat_before": _THREAT_BEFORE_SOURCE,
    "report_before": _REPORT_BEFORE_SOURCE,
    "coercion_after": _COERCION_AFTER_SOURCE,
    "trivial_after": _TRIVIAL_AFTER_SOURCE,
    "fear_before": _FEAR_BEFORE_SOURCE,
    "fear_after": _FEAR_AFTER_SOURCE,
    "past": _PAST_SOURCE,
    "over": _OVER_SOURCE,
    "relapse": _RELAPSE_SOURCE,
    "routine_dose": _ROUTINE_DOSE_SOURCE,
    "dose_worry": _DOSE_WORRY_SOURCE,
}


def _mask(match: re.Match[str]) -> str:
    if _compiled("threat_words").search(match.group()) is not None:
        before = match.string[max(0, match.start() - 70) : match.start()]
        after = match.string[match.end() : match.end() + 80]
        if (
            _compiled("threat_before").search(before) is not None
            or _compiled("coercion_after").search(after) is not None
            or (
                _compiled("fear_before").search(before) is not None
                and _compiled("fear_after").search(after) is not None
            )
        ):
            return THREAT_MASK
        if _compiled("trivial_after").search(after) is not None:
            return _MASK
        if _compiled("report_before").search(before) is not None:
            return REPORTED_THREAT_MASK
    return _MASK


def index(
    idioms: re.Pattern[str] | None,
    anchors_of: Callable[[str], tuple[frozenset[str], ...] | None],
    reach_of: Callable[[str], reach.Reach | None],
) -> None:
    """Index both idiom alternations with these anchor sets and reaches (the rules' kept
    translation, bot/safety/rulecache.py): reading them back from the regex parser had cost
    half a second of every start (2026-12-07)."""
    for pattern in (_compiled("idioms"), idioms):
        if pattern is not None:
            indexed = reach.Alternation(pattern, anchors_of, reach_of)
            _ALTERNATIONS[id(pattern)] = (pattern, indexed)


def prepare(idioms: re.Pattern[str] | None) -> None:
    """Index the idioms' anchors and compile each idiom now (about 40 ms), so the first
    message does not wait."""
    for pattern in (_compiled("idioms"), idioms):
        if pattern is not None:
            _alternation(pattern).prepare()


def mask_idioms(text: str, idioms: re.Pattern[str] | None = None) -> str:
    """The text with every known idiom or topic compound replaced by a placeholder.

    `idioms` are those written in the pattern language (content/safety/*.yaml, `idioms:`);
    they run on " " + text + " " like every pattern. Of each of the two large alternations
    only the idioms whose anchors occur run, on a long text only near them
    (bot/safety/reach.py, `Alternation`): a third of a long message's reading time went to
    idioms it did not contain.
    """
    masked = _SPACES.sub(" ", _masked(_compiled("idioms"), _mask, text)).strip()
    if idioms is None:
        return masked
    return _masked(idioms, "_ ", f" {masked} ").strip()


def _masked(
    pattern: re.Pattern[str], replace: str | Callable[[re.Match[str]], str], text: str
) -> str:
    """`pattern.sub(replace, text)`, with only the alternatives whose anchors occur."""
    return _alternation(pattern).sub(replace, text)


#: Per idiom alternation, by identity: hashing a compiled pattern hashes its whole program
#: each time (CPython does not keep it), 40 µs for the 25 kB of the rules' idioms, and a message
#: asked for it twice per clause.
_ALTERNATIONS: dict[int, tuple[re.Pattern[str], reach.Alternation]] = {}


def _alternation(pattern: re.Pattern[str]) -> reach.Alternation:
    known = _ALTERNATIONS.get(id(pattern))
    if known is None or known[0] is not pattern:  # the pattern kept: its id stays its own
        known = _ALTERNATIONS[id(pattern)] = (pattern, reach.Alternation(pattern))
    return known[1]


def recovered(clause: str, later: str, whole: str) -> bool:
    """Whether a sign's `clause` tells of a past that a `later` clause says is over, and no
    word in the `whole` message says it came back."""
    return (
        _compiled("past").search(clause) is not None
        and _compiled("over").search(later) is not None
        and _compiled("relapse").search(whole) is None
    )


def routine_dose(text: str) -> bool:
    """Whether a message tells of one's own medicines taken as usual, with no amount, goodbye
    or other worry anywhere in it: "ik heb mijn pillen al genomen vandaag", "already took my
    meds today" (round BN). Not "al mijn pillen genomen", nor "took my meds. all of them"."""
    return (
        _compiled("routine_dose").search(text) is not None
        and _compiled("dose_worry").search(text) is None
    )


def in_fiction(text: str, start: int, end: int) -> bool:
    """Whether the sign at `start` of a clause's `text` is set inside a game, film, series,
    book or lesson (`_FICTION_SOURCE`) named before it, with no "ik" or "me" in between: "in de
    game spring je van een toren", not "we leerden over pillen en ik heb pillen gespaard". The
    writer as the subject right after the frame stays inside it ("in de game moest ik van het
    dak springen", "in the game i had to ..."). A game named by its title right after the sign
    that ends at `end` sets it in the game too ("ik ben van de klif gesprongen in zelda",
    round AV)."""
    for match in _compiled("fiction").finditer(text, 0, start):
        after = _FRAME_SUBJECT.match(text, match.end(), start)
        if _FIRST_PERSON.search(text, after.end() if after else match.end(), start) is None:
            return True
    return _compiled("game_after").match(text, end) is not None


# The writer as the subject of the frame's own sentence: a verb and "ik", or "i" at once.
_FRAME_SUBJECT = re.compile(r" ?(?:[a-z]+ (?:ik|k)|i)\b")


_FIRST_PERSON = re.compile(r"\b(?:ik|k|i|me|mij|mezelf|myself|mn|mijn|my)\b")


def beyond_story(text: str, start: int, end: int) -> bool:
    """Whether the sign from `start` to `end` is not only a story's (round BV): it reaches past
    the end of its sentence into one in the writer's own words ("een film over iemand die
    zelfmoord pleegt . ... ik heb het al twee keer bijna gedaan"), or the writer says right
    after it that it is theirs too ("dat nummer over iemand die niet meer wil leven, zo voel ik
    me ook", "a film about a guy who jumps off a bridge . that's going to be me")."""
    cut = text.find(" . ", start, end)
    if cut >= 0 and _FIRST_PERSON.search(text, cut, end) is not None:
        return True
    return _IDENTIFIES.search(text, end, end + _IDENTIFY_REACH) is not None


#: The writer taking a story's sign as theirs: "ik ... ook", "i ... the same", "net als ik",
#: "that's me", "going to be me", "i relate". Folded: "ook" is "ok" ("too", now "to", is left
#: out: "i want to" is everywhere).
_IDENTIFIES = re.compile(
    r"\b(?:(?:ik|k|i|me|mij|my|mijn)\b[^.]{0,30}?\b(?:ok|same|zelfde|hetzelfde)|net als ik|"
    r"just like me|like me|thats me|that is me|dat ben ik|be me|ben ik straks|herken|relate)\b"
)
_IDENTIFY_REACH = 100


def at_play(text: str) -> bool:
    """Whether the message names a combat sport or a video game (`_PLAY_SOURCE`)."""
    return _compiled("play").search(text) is not None


def on_topic(text: str) -> bool:
    """Whether the message talks about a film, lesson or the news rather than about a life."""
    return _compiled("topic").search(text) is not None


#: Words that turn a negation before them into its opposite, when they too stand before the
#: sign: "i can't stop thinking about ending it", "ik kan niet stoppen met denken aan", "ik kan
#: niet anders dan". Not where the word is the sign's own: "ik wil niet stoppen met leven".
_NOT_NEGATING = frozenset(
    {"stop", "stopping", "stoppen", "stopt", "ophouden", "ophoud", "quit", "help", "anders"}
)


def is_negated(text: str, start: int) -> bool:
    """Whether one of the few words right before `start` negates what follows."""
    # Only a short stretch is read back, so a long message never costs more than a short one.
    before = text[max(0, start - 60) : start].split()[-_NEGATION_WINDOW:]
    return any(
        _compiled("negation").fullmatch(word) and _NOT_NEGATING.isdisjoint(before[index + 1 :])
        for index, word in enumerate(before)
    )
