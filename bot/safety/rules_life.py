"""Rules for acute danger to life and for suicidal thoughts, in Dutch and English."""

from __future__ import annotations

from bot.safety.patterns import Rule, rule

__all__ = ["DANGER", "SUICIDE"]

# Patterns are written in natural spelling; letter runs are folded at compile time, so "dood"
# matches "dooood" and "d00d" alike. Pills taken right now count as `danger`, not `suicide`: the
# first line the young person needs then is 112, and the crisis reply for danger names 113 too.

_PILLS = (
    r"(?:pillen|pil|tabletten|tablets|medicijnen|medicatie|slaappillen|paracetamol|oxazepam|"
    r"ibuprofen|antidepressiva|pills|meds|tablets|painkillers|sleeping pills)"
)
_WEAPON = r"(?:mes|messen|pistool|wapen|geweer|vuurwapen|bijl|knife|gun|weapon|machete)"

DANGER: tuple[Rule, ...] = (
    rule(
        "pills_taken_nl",
        "danger",
        r"\b(?:te ?veel|alle|al mijn|hele|heel|[0-9]{2,}|handvol|doos|doosje|potje|strip|strips|"
        r"zoveel|een hoop|veel te veel|net|zojuist|expres) <any>" + _PILLS + r"\b <any>"
        r"(?:geslikt|genomen|ingenomen|opgegeten|gepakt)\b",
    ),
    rule("pills_swallowed_nl", "danger", r"\b" + _PILLS + r" (?:<any>)geslikt\b"),
    rule(
        "overdose_taken",
        "danger",
        r"\b(?:heb|had|heeft|took|taken|take|just) <any>(?:een |an |a )?(?:overdosis|overdose)\b"
        r"|\b(?:i|she|he|they|friend) (?:just |have |has )?overdosed\b",
    ),
    rule(
        "pills_taken_en",
        "danger",
        r"\b(?:took|taken|swallowed|downed|take) <any>(?:al|all of|a bunch of|whole|too many|"
        r"handful of|bottle of|[0-9]{2,}|lots of|so many|loads of) <any>" + _PILLS,
    ),
    rule(
        "weapon_threat",
        "danger",
        r"\b(?:bedreigt|bedreigde|bedreigen|dreigt|dreigde|zwaait|zwaaide|richt|richtte|"
        r"achter me aan|threatening|threatened|threatens|pointing|pointed|waving|chasing) <any>"
        r"(?:met |with )?(?:een |zijn |haar |a |his |her )?" + _WEAPON,
    ),
    rule(
        "weapon_person",
        "danger",
        r"\b(?:iemand|een man|een vent|een gast|inbreker|inbrekers|er is iemand|someone|somebody|"
        r"a man|a guy|there is a man|there is someone) (?:met|die|heeft|with|has|holding) "
        r"(?:een |a )?" + _WEAPON,
    ),
    rule(
        "weapon_home",
        "danger",
        _WEAPON + r" (?:in|bij|voor|at|outside|in front of) (?:mijn|ons|onze|het|my|our|the) "
        r"(?:huis|kamer|deur|slaapkamer|house|room|door|bedroom)",
    ),
    rule(
        "kill_me_threat",
        "danger",
        r"\b(?:probeert|probeerde|gaat|wil|dreigt|dreigde|zegt dat hij|zei dat hij|zegt dat ze) "
        r"<any>(?:me|mij|ons) (?:te )?(?:vermoorden|vermoord|doden|dood ?maken|doodslaan|wurgen|"
        r"neersteken|neerschieten)\b|\b(?:me|mij|ons) (?:nog |echt |gaat |zal )?(?:vermoordt|"
        r"vermoorden|doodmaakt|doodslaat|dood maakt|dood slaat)\b"
        r"|\b(?:trying|tried|going|threatened|threatening|wants|said he would|says he wil) "
        r"(?:to )?(?:kill|murder|strangle|stab|shoot) (?:me|us)\b(?! if)",
    ),
    rule(
        "bleeding",
        "danger",
        r"\b(?:bloed|bloeden|bloedt) (?:<any>)(?:stopt|houdt) (?:niet|nie)\b|"
        r"\bbloed (?:heel |echt |zo |super )?(?:erg|veel|hard)\b|"
        r"\b(?:can not|can ?t) stop (?:the )?bleeding|\bbleeding (?:a lot|so much|wil not stop|"
        r"does not stop|everywhere)",
    ),
    rule(
        "on_the_edge",
        "danger",
        r"\b(?:sta|zit|staan|ben) (?:nu |al |nu al )?(?:op|bij|aan) (?:het |de |een )?"
        r"(?:dak|spoor|rand van|spoorlijn|rails)\b(?! (?:van (?:de|het) (?:bus|trein|station)))"
        r"|\b(?:standing|sitting|am) (?:on|at) (?:the )?(?:edge|ledge|roof|tracks|railway)",
    ),
    rule(
        "rope_ready",
        "danger",
        r"\b(?:touw|strop|rope|noose) (?:<any>)(?:klaar|opgehangen|hangt|ready|tied|set up)",
    ),
    rule(
        "not_breathing",
        "danger",
        r"\b(?:ademt|ademde) (?:niet|nie) ?(?:meer)?\b|\bbewusteloos\b|"
        r"\b(?:not breathing|stopped breathing|unconscious|wont wake up)\b",
    ),
)

SUICIDE: tuple[Rule, ...] = (
    # --- explicit, Dutch ------------------------------------------------------------------------
    rule(
        "want_dead_nl",
        "suicide",
        r"\b<want> <gap>(?:dood|doot|dot|dode|doodt) ?(?:gaan|zijn|wezen|ga|maken)?\b",
    ),
    rule(
        "dead_want_nl",
        "suicide",
        r"\bdood (?:zijn |gaan )?(?:wil|willen|wilt|wou)\b",
        guarded=True,
    ),
    rule("rather_dead_nl", "suicide", r"\b(?:liever|beter) <gap>dood\b", guarded=True),
    rule(
        "wish_dead_nl",
        "suicide",
        r"\b(?:was|ware|lag|ben) ik (?:maar|gewoon|nou maar|maar gewoon)? ?dood\b|"
        r"\b(?:hoop|wou|wens|wilde|wil) (?:echt |gewoon |soms )?dat ik <any>(?:dood|sterf|"
        r"doodga|verdwijn|er niet meer ben|er niet meer was|niet meer wakker)|\b(?:hoop|wou|wens) "
        r"(?:dat )?ik <far>(?:dood ga|doodga|dood ben|sterf|dood zou gaan|dood gaan)\b",
    ),
    rule(
        "i_dead_nl",
        "suicide",
        r"\b(?:ik|k) (?:<gap>)dood (?:zijn|was|wezen|ging|zou zijn|zou gaan|zou wezen)\b",
        guarded=True,
    ),
    rule(
        "means_ready_nl",
        "suicide",
        r"\b(?:pillen|pil|tabletten|medicijnen|touw|mesje|scheermesje|pills|rope|razor) "
        r"(?:<any>)(?:klaar|klaarliggen|klaarliggend|verzameld|gespaard|opgespaard|verstopt|"
        r"ready|saved up|stockpiled|hidden)\b",
    ),
    rule("want_die_nl", "suicide", r"\b<want> <gap>(?:sterven|sterve|stervn|sterf)\b"),
    rule(
        "not_live_nl",
        "suicide",
        r"\b(?:<want>|zin) <any>(?:niet|nie|geen|nooit) ?(?:meer |langer )?"
        r"(?:leven|lven|leve|lefen|bestaan|besta)\b",
    ),
    rule(
        "no_reason_live_nl",
        "suicide",
        r"\bgeen (?:zin|reden|puf|energie|motivatie|kracht|hoop) (?:meer )?(?:om|in|voor) "
        r"(?:te |het |mijn )?(?:leven|bestaan|door te gaan|verder te gaan)",
    ),
    rule(
        "life_pointless_nl",
        "suicide",
        r"\b(?:leven|bestaan) (?:heeft|had) <any>geen (?:zin|nut|doel)\b|"
        r"\b(?:mijn |het )?(?:leven|bestaan) is <any>(?:zinloos|waardeloos|niks waard|"
        r"niets waard|een hel)\b|\b(?:wat heeft|heeft) (?:het|dit|mijn) (?:leven )?(?:allemaal )?"
        r"(?:nog )?(?:voor )?zin<end>|\bheeft (?:het|dit) (?:leven |allemaal )?(?:nog )?"
        r"(?:voor )?zin (?:om|te) (?:te )?(?:leven|door te gaan)",
    ),
    rule(
        "not_be_there_nl",
        "suicide",
        r"\b(?:<want>|zou|hoef|hoeft|liefst) <any>(?:er|hier) (?:gewoon |echt |liefst |liever |ook"
        r" )?"
        r"(?:niet|nie) ?(?:meer |langer )?(?:te )?(?:zijn|wezen|bestaan|zn)\b",
    ),
    rule(
        "not_wake_nl",
        "suicide",
        r"\b(?:niet|nie|nooit) ?(?:meer )?(?:wakker|waker) (?:wil |wilt |hoeft |hoef )?(?:worden|w"
        r"ord|"
        r"te worden)\b|"
        r"\bvoor (?:altijd|eeuwig) (?:gaan )?slapen\b|\bslapen (?:voor )?(?:altijd|eeuwig)\b|\b(?:"
        r"sleep|slapen|slaap) (?:<any>)(?:and |en )?"
        r"(?:never|nooit|niet) (?:meer |again )?(?:wake up|wakker)\b|\bsleep forever\b",
    ),
    rule(
        "no_future_nl",
        "suicide",
        r"\b(?:zie|ziet|zag|zien) (?:het|t|et|dat|alles|het leven|mijn leven|het allemaal)? ?(?:ec"
        r"ht |gewoon |"
        r"allemaal |helemaal |zo )*(?:niet|nie) ?meer zitten\b|"
        r"\bzie (?:echt |gewoon |helemaal )?geen (?:uitweg|toekomst meer|reden (?:meer )?om|"
        r"toekomst voor mezelf|zin meer|uitweg meer)",
    ),
    rule(
        "end_life_nl",
        "suicide",
        r"\b(?:eind|einde|end) (?:aan|maken aan) (?:mijn|me|m|het|mn|mijn eigen) ?(?:leven|"
        r"bestaan)\b|\b(?:eind|einde) (?:aan|maken aan) alles (?:te )?(?:maken|make|brengen)\b|"
        r"\b(?:<want>|ga|gaat|denk|overweeg|zin|plan) <any>(?:er|alles) (?:een |n )?"
        r"(?:eind|einde) aan (?:maken|make|te maken|brengen)|\ber (?:een |n )?(?:eind|einde) aan "
        r"(?:wil|wilt|gaat|ga|te|zal|zou) (?:maken|make|brengen)\b",
    ),
    rule(
        "end_life_other_nl",
        "suicide",
        r"\b(?:eind|einde) (?:aan|maken aan) (?:haar|zijn|zn|hun) (?:eigen )?leven\b",
        guarded=True,
    ),
    rule(
        "self_kill_nl",
        "suicide",
        r"\bvan ?kant (?:maken|make|mak|te maken|gemaakt)\b|\bvan het leven (?:beroven|beroofd|"
        r"te beroven)\b|\b<me> (?:<any>)(?:te )?(?:op ?hangen|ophang|verhangen|te verhangen|doodma"
        r"ken|dood maken|"
        r"vermoorden|doden|verdrinken)\b|\bhang (?:me|mezelf|mijzelf) op\b",
    ),
    rule(
        "harm_self_euphemism_nl",
        "suicide",
        r"\b<me> (?:echt |nog |misschien |gewoon )?(?:iets|wat) (?:ga |gaat |zal |wil |zou )?"
        r"(?:aan ?doen|aandoe|aan te doen|"
        r"aangedaan)\b|\bdoe (?:me|mezelf|mijzelf|zichzelf) (?:iets|wat) aan\b",
    ),
    rule(
        "suicide_personal_nl",
        "suicide",
        r"\b(?:<i>|hij|zij|ze|mijn \w+|men|we|wij) (?:<any>)(?:denk|denkt|dacht|denken|"
        r"overweeg|overweegt|wil|wilt|ga|gaat|plan|plant|probeer|probeert|probeerde|heb|heeft|"
        r"had|pleeg|pleegt|zit|zat|kreeg|krijg|doe|deed) <any>(?:aan |over |een |met )?"
        r"zelf ?(?:moord|doding)|\b(?:denk|denkt|dacht|overweeg|overweegt|wil|wilt|heb|heeft|"
        r"had) (?:<i>|hij|zij|ze) <any>(?:aan |over |een )?zelf ?(?:moord|doding)",
    ),
    rule(
        "suicide_verb_nl",
        "suicide",
        r"\bzelf ?(?:moord|doding) ?(?:te )?(?:plegen|pleeg|gepleegd|poging|pogingen|gedachten|"
        r"gedachte|gedachtes|neigingen|neiging|plannen|plan|overwegen)\b|\b(?:aan|over) zelf ?"
        r"(?:moord|doding) (?:denken|gedacht|nagedacht|na te denken)\b|"
        r"\bzm (?:plegen|gedachten|gedachtes|neigingen|poging)\b|\baan zm\b",
        guarded=True,
    ),
    rule(
        "goodbye_letter",
        "suicide",
        r"\bafscheids ?(?:brief|briefje|brieven)\b|\b(?:suicide|goodbye) (?:note|letter)\b",
    ),
    rule(
        "jump_nl",
        "suicide",
        r"\b(?:springen|spring|springt|sprong|gesprongen|jump|jumping) (?:van|vanaf|voor|onder|of|"
        r"from|in front of) (?:de |een |het |a |the |my )?(?:flat|dak|brug|gebouw|balkon|trein|"
        r"metro|tram|bus|spoor|bridge|building|roof|train|cliff|balcony)|\b(?:voor|onder) "
        r"(?:de |een )?(?:trein|metro|tram|bus|vrachtwagen) (?:springen|spring|gaan liggen|lopen)|"
        r"\b(?:van|vanaf|voor|onder) (?:de |een |het )?(?:flat|dak|brug|"
        r"gebouw|balkon|trein|metro) (?:af )?(?:te )?(?:springen|spring|gaan liggen)",
    ),
    # --- indirect, Dutch ------------------------------------------------------------------------
    rule(
        "better_without_me",
        "suicide",
        r"\b(?:beter|beter af|blijer|gelukkiger|better of|happier) (?:af )?(?:zijn |wezen |zou zij"
        r"n )?"
        r"(?:zonder|without) (?:mij|me)\b|\b(?:iedereen|everyone|everybody) (?:<any>)(?:beter|"
        r"better of) (?:af )?(?:<any>)(?:zonder|without) (?:hem|haar|him|her|them)\b",
    ),
    rule(
        "nobody_miss_me",
        "suicide",
        r"\b(?:niemand|nobody|no one|noone) (?:zou|would|gaat|wil|zal|will|is going to|going to) "
        r"<any>(?:missen|mis|miss|merken|notice|care)\b",
    ),
    rule(
        "if_gone",
        "suicide",
        r"\b(?:als|wanneer) (?:ik) (?:er )?(?:niet|nie) ?meer (?:ben|was|zou zijn|besta)\b|"
        r"\bik er (?:gewoon |echt )?(?:niet|nie) ?meer (?:ben|was|zou zijn)\b(?! geweest)|"
        r"\bif i (?:was|were|am) (?:gone|dead|not here|not around)\b",
    ),
    rule(
        "burden",
        "suicide",
        r"\b(?:<i>|ben) (?:ben |am )?(?:echt |gewoon |alleen maar |just |only |such )?"
        r"(?:een |n |a )?(?:last voor|blok aan het been|burden)\b",
    ),
    rule(
        "never_born",
        "suicide",
        r"\b(?:nooit|niet) geboren (?:was|ben|zijn|worden|te zijn)\b|\bnever (?:been )?born\b",
    ),
    rule(
        "disappear_nl",
        "suicide",
        r"\b<want> <gap>(?:verdwijnen|verdwijn|oplossen|weg van alles|weg uit dit leven)\b",
        guarded=True,
    ),
    rule(
        "cannot_go_on_nl",
        "suicide",
        r"\btrek (?:het|t|dit|dit leven|het leven|et) (?:echt |gewoon |allemaal |helemaal )*(?:nie"
        r"t|"
        r"nie) ?meer\b|\b(?:hou|houd) (?:het|t|dit|dit leven|het leven|et) (?:echt |gewoon |"
        r"allemaal |helemaal )*(?:niet|nie) ?meer vol\b|\bkan (?:echt |gewoon |zo )*(?:niet|nie) ?"
        r"meer "
        r"(?:verder|door)\b|\bklaar met (?:het |mijn |dit )?leven\b|\b(?:leven|bestaan) "
        r"(?:zat|beu|moe)\b|\blevensmoe\b|\b(?:moe|zat|beu) (?:van|met|om) (?:het |mijn |dit |te )"
        r"?"
        r"leven\b|\bwaarom (?:ik (?:nog|eigenlijk|uberhaupt) leef|leef ik (?:nog|eigenlijk|"
        r"uberhaupt)|ben ik er (?:nog|eigenlijk))\b",
    ),
    rule(
        "dont_want_anymore_nl",
        "suicide",
        r"\b(?:<want>|kan|ken) (?:het |t )?(?:echt |gewoon |zo )*(?:niet|nie) ?meer<end>",
        guarded=True,
    ),
    # --- English --------------------------------------------------------------------------------
    rule(
        "want_die_me_en",
        "suicide",
        r"\b(?:i|i am|me|i have|i just|i really|i honestly|i lowkey|i literally|i kinda) (?:<gap>)"
        r"(?<!not )(?<!never )(?:want|wanted|wish|ready|deserve|would rather|rather|hope) "
        r"(?:to |i |i could |i would |i can )?<gap>(?:die|dye(?= \.|$)|be dead|not exist|"
        r"stop existing|stop living)\b",
    ),
    rule(
        "want_die_en",
        "suicide",
        r"(?<!not )(?<!never )\b(?:want|wanted|wants|wish|ready|deserve|would rather|rather|"
        r"just want|hope) (?:to |i |i could |i would |i can )?<gap>(?:die|dye(?= \.|$)|be dead|dis"
        r"appear "
        r"forever|not exist|stop existing|stop living)\b",
        guarded=True,
    ),
    rule("kill_self_en", "suicide", r"\bkill(?:ing|ed)? (?:my ?self|meself|mself|myslf)\b"),
    rule("kill_self_other_en", "suicide", r"\b<en_want><gap>kill <self_en>"),
    rule("kill_self_third_en", "suicide", r"\bkill(?:ed|s)? <self_en>", guarded=True),
    rule(
        "end_life_en",
        "suicide",
        r"\bend (?:it all|my life|my own life|everything|it tonight|it now)\b|\btake my (?:own )?"
        r"life\b|\b<en_want><gap>end (?:it|things|my life|her life|his life|their life)\b",
    ),
    rule(
        "wish_dead_en",
        "suicide",
        r"\b(?:wish|hope) (?:i|that i) (?:was|were|am|could be|would be|will be|could|would|"
        r"can) (?:just )?(?:dead|die|gone forever)\b|\bhope i (?:die|do not wake up|never wake "
        r"up)\b|\b(?:better of|rather be|would rather be|beter of) dead\b|"
        r"\brather (?:just )?die\b",
    ),
    rule(
        "not_live_en",
        "suicide",
        r"\b(?:not|never|no longer) (?:want|wana|wish|feel like) (?:to )?(?:live|be alive|exist|"
        r"wake up|go on|be on this earth|be around|be here (?:anymore|any more|no more))\b|"
        r"\b(?:do not|never) want to be here<end>",
    ),
    rule(
        "no_reason_en",
        "suicide",
        r"\b(?:no|any|what is the|whats the|the) (?:reason|point|purpose) (?:to|in|of|for) "
        r"(?:live|living|go on|going on|being alive|life|me being alive|staying alive|existing)\b|"
        r"\bnothing (?:left )?to live for\b|\blife (?:is|is not|feels) (?:so |just |not |totaly )?"
        r"(?:pointless|meaningless|worth living|not worth it)\b|\bnot worth living\b",
    ),
    rule(
        "suicidal_en",
        "suicide",
        r"\b(?:am|is|are|feel|feels|feeling|felt|been|getting|was) (?:so |very |really |pretty |"
        r"kinda |literally |super |extremely )?(?:suicidal|suicide)\b",
    ),
    rule(
        "cannot_go_on_en",
        "suicide",
        r"\bcan not (?:go on|do this anymore|take it anymore|take this anymore|keep going|keep "
        r"living|live like this)\b|\b(?:done with|tired of) (?:life|living|being alive|"
        r"existing)\b|\bwhy (?:am i|i am|do i) (?:even |still )*(?:alive|exist|here)\b",
    ),
    rule(
        "suicide_thoughts_en",
        "suicide",
        r"\b(?:suicidal|suicide) (?:thoughts|ideation|attempt|plan|plans|urges)\b|"
        r"\b(?:commit|commiting|commited|attempt|attempted) suicide\b|"
        r"\b(?:thinking|thought|think) (?:about|of) (?:suicide|killing myself|ending it)\b",
    ),
    # --- bare key words, overruled by topic, laughter or negation ---------------------------
    rule("suicide_word_nl", "suicide", r"\bzelf ?(?:moord|doding)\w*", guarded=True),
    rule("suicide_word_en", "suicide", r"\bsuicid\w*", guarded=True),
)
