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
        r"|\b(?:standing|sitting|am) (?:on|at) (?:the )?(?:edge|ledge|roof|tracks|railway)\b"
        r"(?! ?(?:terrace|top|garden|bar|party))",
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
    # --- held-out families (2026-11): high places, means in hand, wounds that keep bleeding ----
    rule(
        "high_place_nl",
        "danger",
        # A bridge is also a meeting point ("op de brug bij de Dom"): only a bare statement counts.
        r"\b(?:sta|zit|staan|stond|ben) (?:nu |al |nu al |hier |echt )?op (?:het |de |een )?"
        r"(?:dak|rand|vensterbank|spoor|rails)\b(?!(?: \w+)? (?:te|en) (?:wachten|wacht|chillen|"
        r"chill|eten|zonnen|vissen|kijken|roken|bellen|praten|lunchen|genieten|werken)| van "
        r"(?:de|het) (?:bus|trein|station|tafel|bed|bank))|\b(?:sta|zit|ben) (?:nu |al |hier |"
        r"echt )?op (?:de|een|het) (?:brug|flat)<end>|\b(?:ik )?spring(?: (?:nu|zo|straks|"
        r"zometeen|zo meteen|echt))+<end>",
    ),
    rule(
        "high_place_en",
        "danger",
        r"\b(?:standing|sitting|am|i am|is) (?:right )?(?:now )?(?:on|at) (?:the |a |this )?"
        r"(?:edge|ledge|roof|tracks|railway|train tracks)\b(?! ?(?:terrace|top|garden|bar|party|"
        r"of "
        r"(?:the|my) (?:bed|seat|chair)))|\b(?:standing|sitting|am|i am) (?:right )?(?:now )?on "
        r"(?:the|a|this) bridge<end>",
    ),
    rule(
        "means_in_hand",
        "danger",
        r"\b(?:"
        + _WEAPON
        + r"|mesje|scheermesje|razor|blade|pillen|pills|touw|rope) (?:in|vast in|"
        r"on|against|op|tegen) (?:mijn|my|m|me) (?:hand|handen|hands)\b.{0,80}?\b(?:ga|gaat|going "
        r"to|wil|want to) (?:het|it) (?:nu |now |echt |really |gewoon )?(?:doen|do)\b"
        r"|\b(?:" + _WEAPON + r"|mesje|scheermesje|razor|blade) (?:op|tegen|on|against|at) "
        r"(?:mijn|my|me|m) (?:pols|polsen|keel|hals|wrist|wrists|throat|neck)\b",
    ),
    rule(
        "weapon_at_door",
        "danger",
        r"\b(?:voor|bij|aan|in|outside|at) (?:de|mijn|ons|onze|het|my|our|the) (?:deur|voordeur|"
        r"huis|kamer|raam|door|front door|house|room|window) (?:<any>)(?:met|with) (?:een |zijn |"
        r"haar |a |his |her )?" + _WEAPON + r"\b",
    ),
    rule(
        "pills_down_nl",
        "danger",
        r"\b(?:al|alle|al mijn|mijn|een hele strip|een doos|een handvol|een potje) "
        + _PILLS
        + r" (?:erbij|erin|naar binnen|achterover|weggewerkt|ingenomen)\b",
    ),
    rule(
        "bleeding_more",
        "danger",
        r"\b(?:will not|does not|did not|can not|wil not) stop bleeding\b|"
        r"\bcut (?:<any>)too deep\b"
        r"|\bte diep (?:gesneden|gekrast|gesneeden|ingesneden)\b|\b(?:gesneden|gekrast) "
        r"(?:veel |echt )?te diep\b",
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
        r"\bafscheids ?(?:brief|briefje|brieven)\b|\b(?:suicide|goodbye) (?:note|notes|letter|"
        r"letters)\b",
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
        r"<any>(?:missen|mis|miss|care)\b|\b(?:niemand|nobody|no one|noone) (?:zou|would|gaat|"
        r"zal|will) (?:het |it )?(?:merken|notice|noticing)(?:<end>| (?:als|if|wanneer|when) "
        r"(?:ik|i) (?:<any>)(?:er niet meer|weg|dood|verdwijn|verdwenen|verdween|stierf|sterf|"
        r"gone|dead|disappear\w*|died|die|vanish\w*))",
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
        r"(?:live|living|go on|going on|being alive|life|me being alive|staying alive|existing|"
        r"keep "
        r"going|keep living|carry on|continue|stay|wake up|be here|be alive|exist)\b|"
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
    # --- held-out families (2026-11) ---------------------------------------------------------
    # Ending one's own life in other words, and separable verbs split by "te".
    rule(
        "end_own_life_nl",
        "suicide",
        r"\b(?:mijn|me|m) (?:eigen )?leven (?:<any>)(?:beeindigen|beeindig|be eindigen|nemen|"
        r"afsluiten|afpakken)\b|\b<me> (?:<any>)(?:dood te maken|op te hangen|om te brengen|om "
        r"het leven te brengen|van kant te maken|van het leven te beroven)\b",
    ),
    rule(
        "end_other_life_nl",
        "suicide",
        r"\b(?:zijn|haar|hun|zn) (?:eigen )?leven (?:<any>)(?:beeindigen|beeindigd|nemen|"
        r"genomen)\b",
        guarded=True,
    ),
    rule(
        "commit_zm_nl",
        "suicide",
        r"\b<i> (?:<any>)(?:pleeg|pleegde) (?:<any>)(?:zm|zelf ?moord|zelf ?doding)\b",
    ),
    # Dutch subordinate clauses put the verb last: "dat hij niet meer wil leven".
    rule(
        "not_live_sub_nl",
        "suicide",
        r"\b(?:niet|nooit) ?(?:meer |langer )?(?:<want>|hoeft|hoef|hoeven) (?:te )?(?:leven|"
        r"bestaan)\b|\bniemand (?:me|mij|hem|haar|ons) (?:zou|zal|gaat) (?:<any>)missen\b",
    ),
    # A short hopeless sentence on its own: "ik ben er klaar mee.", "wat maakt het nog uit".
    rule(
        "done_sentence_nl",
        "suicide",
        r"(?:^|\. )(?:[a-z]+ ){0,2}?(?:ik|k) (?:ben|bn) (?:er|het|alles) (?:<adv>)(?:zo |"
        r"helemaal |compleet |serieus |egt |echt )*(?:klaar mee|klaar ermee|zat|beu|spuugzat)"
        r"<end>|\bklaar met (?:alles|iedereen|de wereld|dit leven|dit bestaan)\b(?! (?:voor|van|"
        r"op|wat|behalve|in|om))|\bdone with (?:everything|it all|everyone|the world)\b(?! (?:on|"
        r"for|at|in|i|we))|\bwat maakt (?:het|t|dit|alles|het allemaal|het leven) (?:[a-z]+ )?"
        r"nog (?:[a-z]+ )?uit\b",
        guarded=True,
    ),
    rule(
        "pointless_nl",
        "suicide",
        r"\b(?:zie|voel|vind|snap) (?:het |de )?(?:nut|zin) (?:van|in) (?:het |mijn |dit )?"
        r"(?:leven|bestaan)\b (?:<any>)(?:niet|nie|geen)\b|\b(?:zie|voel|vind) (?:geen|niet) "
        r"(?:het |de )?(?:nut|zin) (?:meer )?(?:van|in|om) (?:het |mijn |dit |te )?(?:leven|"
        r"bestaan|door te gaan)\b|\bwat is (?:nog |eigenlijk )*(?:het|de) (?:nut|zin|punt) "
        r"(?:nog )?(?:van|in) (?:mijn|dit|nog|het) ?leven\b|\b(?:het|t|dit|alles|niks|niets) "
        r"(?:heeft|had) (?:allemaal |echt |gewoon |toch |ook |nog )*(?:geen|nog) (?:zin|nut) "
        r"meer<end>|\balles is (?:zo |echt |gewoon )?(?:zinloos|hopeloos)\b|\ber is geen uitweg\b",
        guarded=True,
    ),
    rule(
        "soon_gone",
        "suicide",
        r"\b(?:binnenkort|gauw|weldra|niet lang meer) (?:ben|zal) (?:ik|k) (?:er|hier) (?:toch |"
        r"gewoon |echt |al |ook )*(?:niet|nie) ?meer\b|\b(?:ben|zal) (?:ik|k) (?:er|hier) (?:toch"
        r"|binnenkort) (?:<any>)(?:niet|nie) ?meer\b|\bben (?:er|hier) (?:binnenkort|toch) "
        r"(?:<any>)(?:niet|nie) ?meer\b(?! (?:bij|mee|aan))|\b(?:ben|zijn) (?:ik |k )?(?:er|"
        r"hier) (?:toch )?"
        r"(?:niet|nie) lang meer<end>|\b(?:will not|wil not|not going to) be "
        r"(?:here|around|alive|in this world) (?:much |for )?(?:longer|long|anymore|any more)\b",
    ),
    rule(
        "farewell",
        "suicide",
        r"\b(?:mijn|m|my|mn) laatste (?:bericht|berichtje|appje|message|text)(?= \.|$| "
        r"(?:bedankt|thanks|thank|sorry|vaarwel|bye|doei|ooit|ever|forever|voor altijd|aan jou|"
        r"to you))|\bmy last (?:message|text|post)(?= \.|$| (?:thanks|thank|sorry|bye|ever|"
        r"forever))|\b(?:doei|dag|bye|goodbye|vaarwel|tot ziens|farewell|adios|ciao) (?:<any>)"
        r"(?:voor altijd|for ever|forever|for good)\b|\bvaarwel (?:allemaal|iedereen|wereld|"
        r"world|everyone)\b|\b(?:goodbye|bye) (?:cruel )?world\b",
        guarded=True,
    ),
    rule(
        "giving_away",
        "suicide",
        r"\b(?:mijn|my|al mijn|all my|me) (?:spullen|spulletjes|bezittingen|stuff|things|"
        r"belongings|possessions) (?:<any>)(?:weggegeven|weg gegeven|weggeven|weg geven|"
        r"weggedaan|away|"
        r"given away)\b|\b(?:gave|giving|given|give) away (?:all |al )?(?:of )?(?:my|mijn) "
        r"(?:stuff|things|belongings|possessions)\b|\b(?:alles|everything) (?:al )?(?:geregeld|"
        r"geregelt)\b(?! (?:voor|met|om|bij|op|"
        r"in|qua|wat|for))|\b(?:put|putting|got|get|getting) my (?:affairs|things|"
        r"stuff) in order\b",
        guarded=True,
    ),
    rule(
        "means_acquired",
        "suicide",
        r"\b(?:touw|strop|rope|noose|scheermesjes|razor blades|een mes|a knife) (?:gekocht|"
        r"gehaald|besteld|geregeld|gevonden)<end>|\b(?:bought|got|ordered|purchased|found) (?:a |"
        r"some |the )?(?:rope|noose|razor blades)<end>|\b(?:spaar|spaart|sparen|verzamel|"
        r"verzamelt|"
        r"hamster|save|saving|saved|stockpile|stockpiling|hoard|hoarding) (?:<any>)(?:mijn |my )?"
        + _PILLS
        + r"\b(?! (?:voor|for) (?:de |het |mijn |my |the )?(?:vakantie|reis|trip|holiday))",
    ),
    rule(
        "method_research",
        "suicide",
        r"\b(?:hoeveel|how many|how much) (?:<any>)(?:dodelijk|fataal|lethal|fatal|to die|it takes"
        r"|does it take|to overdose|om dood te gaan|om te sterven|om niet meer wakker|nodig om "
        r"dood)|\b(?:dodelijke|lethal|fatal) (?:dosis|dose|hoeveelheid|amount)\b",
        guarded=True,
    ),
    rule(
        "why_live",
        "suicide",
        r"\bwaarom (?:zou|moet|zal) (?:ik|k) (?:nog|eigenlijk|uberhaupt) (?:langer |verder )?"
        r"(?:leven|doorgaan|verder gaan|bestaan|hier zijn)\b|\bwhy (?:should|would) i (?:even |"
        r"still )?(?:keep (?:going|living|trying)|go on|live|stay alive|be alive|exist)\b",
    ),
    rule(
        "wish_accident",
        "suicide",
        r"\b(?:hoop|wou|wens|hopen|zou willen) (?:dat )?(?:er )?(?:<any>)(?:tegen |over )?(?:me|"
        r"mij) (?:<any>)(?:aan ?rijdt|aan ?rijden|overrijdt|overrijden|dood ?rijdt|raakt)\b|\b"
        r"(?:hoop|wou|wens) (?:dat )?ik <far>(?:aangereden|overreden|ongeluk krijg|dodelijk "
        r"ongeluk)\b|\b(?:hope|wish) (?:that )?(?:a car|a bus|a truck|a train|something|someone) "
        r"(?:<any>)(?:hits|hit|runs|run|kills|kill) (?:me|me over)\b|\b(?:hope|wish) (?:that )?i "
        r"(?:get|got|would get|will get|could get) (?:hit|run over|killed)\b",
    ),
    rule(
        "jump_thoughts",
        "suicide",
        r"\b(?:denk|dacht|denken|overweeg|overwoog) (?:<any>)om (?:te )?(?:springen|<me> op te "
        r"hangen|voor (?:de|een) (?:trein|metro|auto) te (?:springen|lopen|gaan liggen))\b"
        r"|\b(?:thinking|thought|think|talking|talks|talked) (?:about|of) (?:jumping|hanging "
        r"(?:<self_en>)|overdosing|ending (?:it|my life|his life|her life)|killing <self_en>|not "
        r"waking up)\b(?! (?:in|into|on|over|rope|ship|to|off the diving))",
    ),
    rule(
        "done_with_life",
        "suicide",
        r"\b(?:klaar|done|kapot|moe|zat|beu) (?:met|van|with|of) (?:het |mijn |dit )?(?:leven|"
        r"life|"
        r"bestaan|living)\b|\b(?:end|ending|ended) (?:it all|my life|my own life)\b",
    ),
    rule(
        "pointless_en",
        "suicide",
        r"\b(?:whats|what is) (?:even )?the point(?: of (?:anything|it all|everything|living|life|"
        r"trying|going on|even trying|me))?(?: anymore| any more)?<end>",
        guarded=True,
    ),
    rule(
        "no_way_out",
        "suicide",
        r"\b(?:no|not see a|not see any|can not find a|can not see a|can not find any|can not see "
        r"any) (?:other )?way out(?: of (?:this life|life|this pain|it all|this))?<end>",
        guarded=True,
    ),
)
