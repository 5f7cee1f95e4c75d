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
_WEAPON = (
    r"(?:mes|messen|pistool|wapen|wapens|geweer|vuurwapen|bijl|knife|knives|gun|guns|weapon|"
    r"weapons|machete)"
)
# Someone following the writer, and the fear or the place that makes it danger now.
_FOLLOW = (
    r"(?:iemand|er|een man|een vent|een gast|een jongen|een auto|een groep|die man|someone|"
    r"someones|somebody|somebodys|some guy|a man|a guy|a car|a group|two guys|this guy|people|"
    r"men) (?:<any>)(?:loopt|liep|lopen|rijdt|rijden|fietst|volgt|volgen|achtervolgt|following|"
    r"follows|followed|chasing|stalking|walking behind|is behind) (?:<any>)(?:achter (?:me|mij) "
    r"aan|me|mij|us)\b(?! (?:on|op|back|terug|online)\b)|(?:word|wordt|ben|being|am being|keep "
    r"getting) (?:<any>)(?:gevolgd|achtervolgd|followed|stalked)\b(?! (?:on|op|door (?:een|die) "
    r"(?:account|rare account)|by (?:an|a|this) account))"
)
_FEAR = (
    r"(?:bang|doodsbang|eng|scared|afraid|terrified|freaking out|help|het is donker|its dark|"
    r"it is dark|donker|naar huis|home|sinds|since|al [0-9]+ min\w*|for [0-9]+ min\w*)\b"
)
# Someone holding a weapon, and a cue that it threatens: drunk, angry, a door, hiding. A knife
# to cut bread has none of that.
_WHO = (
    r"(?:<who_nl>|<who_en>|iemand|hij|ze|zij|he|she|they|guys|men|people|mannen|jongens|een groep|"
    r"a group|a gang|een bende)"
)
_ARMED_VERB = (
    r"(?:heeft|had|has|have|hebben|hadden|brought|got|grabbed|pakte|pakt|gepakt|staat met|stond "
    r"met|loopt met|liep met|holding|is holding|met|with|zwaait met) (?:een |zijn |haar |a |his |"
    r"her |the )?" + _WEAPON + r"\b(?! (?:om|to|voor|for|en vork|and fork) )"
)
_THREAT_CUE = (
    r"(?:dronken|drunk|boos|woedend|kwaad|angry|furious|mad|schreeuw\w*|scream\w*|yell\w*|"
    r"banging|bonkt|bonst|bang|scared|afraid|op slot|locked|verstop\w*|hiding|hide|dreig\w*|"
    r"threat\w*|help|badkamer|bathroom|deur|door|gang|hallway|rond|around|outside|buiten|"
    r"opwachten|wacht (?:me|mij|ons) op|waiting for me|na school|after school)\b"
)
_ARMED = _WHO + r" (?:<any>)" + _ARMED_VERB
_ARMED_CUED = _WHO + r" (?:<far>)" + _THREAT_CUE + r" (?:<far>)" + _ARMED_VERB
_JUMP_INTENT = (
    r"(?:gaat|ga|wil|wilt|gaan|zal|dreigt|dreigde|zegt dat (?:ze|hij|zij)|going to|wants to|"
    r"about to|threatening to|threatens to|il|hel|shel|theyl|wil|says (?:she|he|they) wil) "
    r"(?:<any>)(?:springen|spring|springt|jump|jumping)\b"
)

# Deleting one's accounts, a farewell or last messages, and being at peace with it.
_DELETED = (
    r"(?:verwijderd|deleted|gewist|wiped|deactivated|gedeactiveerd|delete|verwijder) (?:<any>)"
    r"(?:socials|insta|instagram|account|accounts|snap|snapchat|tiktok|profiel|profielen|"
    r"profile|profiles|media)|(?:socials|insta|instagram|account|accounts|snap|snapchat|tiktok|"
    r"profiel|profile) (?:<any>)(?:verwijderd|deleted|gewist|wiped|deactivated|gedeactiveerd)"
    r"|(?:spullen|stuff|things|belongings) (?:<any>)(?:verdeeld|weggegeven|given away|gave "
    r"away)"
)
_FAREWELL = (
    r"laatste (?:berichtjes|berichten|bericht|berichtje|appjes|appje)|last (?:messages|message|"
    r"texts|text)|goodbye|goodbyes|godbye|godbyes|afscheid\w*|vaarwel|brief|brieven|briefje|"
    r"a note|notes|letter|letters|gedag gezegd|doei gezegd"
)
_AT_PEACE = (
    r"het is goed zo|its (?:okay|ok|fine|alright) now|it is (?:okay|ok|fine|alright) now|"
    r"i am (?:at peace|ready) now|ik ben er klaar voor|ik ben klaar voor|dit was het( dan)?<end>|"
    r"het is klaar<end>|i am at peace"
)

# The moment has come, and the last words that go with it.
_DO_IT_NOW = (
    r"ga het (?:<fill>)(?:vanavond|vannacht|nu|morgen|vandaag) doen|doe het (?:<fill>)(?:vanavond|"
    r"vannacht|nu|morgen|vandaag)|(?:going to|gona|il|wil) do it (?:<fill>)(?:tonight|now|"
    r"tomorrow|today)"
)
_MOMENT = (
    r"vandaag is de dag|today is the day|tonight is the night|vanavond is het zover|het is zover"
    r"|its time|it is time|het is tijd|dit is het einde|this is the end|i am ready to go|ready "
    r"to go|klaar om te gaan|" + _DO_IT_NOW
)
_LAST_WORDS = (
    r"sorry (?:iedereen|everyone|allemaal|al|for everything|voor alles|mam|mama|mom|mum|pap|"
    r"papa|dad)|vaarwel|goodbye|godbye|love you al|hou van jullie|made (?:my )?peace|vrede "
    r"(?:mee|gesloten|mee gesloten)"
)
_UNSTOPPABLE = r"(?:tegenhouden|stop me|redden|save me)"

# A body that alarms: with pills, drink or someone who does not wake, danger now.
_BODY_ALARM = (
    r"(?:ademt (?:<fill>)(?:niet|nie|raar|heel raar|nauwelijks|zwaar|vreemd)|breathing (?:<fill>)"
    r"(?:weird|strange|funny|slow|shallow|heavy)|not breathing|blauwe lippen|blue lips|"
    r"collapsed|in elkaar gezakt|flauwgevallen|flauw gevallen|passed out|op de grond|on the "
    r"floor|dronken|drunk|pillen|pills|overgeven|throwing up|vomiting|stuiptrekkingen|seizure|"
    r"toeval|schuim|foaming|hart (?:<any>)(?:raar|snel|bonkt|racet|slaat over)|heart (?:<any>)"
    r"(?:racing|pounding|beating (?:so )?fast|weird)|kan (?:niet|nie) (?:meer )?(?:ademen|"
    r"bewegen)|can not (?:breathe|move))\b"
)
_NOT_WAKING = (
    r"(?:reageert (?:<any>)(?:niet|nie)\b(?! op (?:mijn|me|m|de|het) (?:app|appjes|appje|"
    r"berichten|bericht))|not responding|unresponsive|(?:wil|will) not wake up\b(?! (?:early|"
    r"for|in time|on time|til|until|before))|not waking up|wordt (?:niet|nie) (?:meer )?wakker|"
    r"niet wakker te krijgen|(?:krijg|kreeg) (?:haar|hem|ze|mijn \w+) (?:<fill>)(?:niet|nie) "
    r"(?:meer )?wakker|can not (?:wake|get) (?:her|him|them|my \w+) (?:up)?|beweegt (?:niet|nie)"
    r" (?:meer)?|not moving)"
)

# Not minding whether one dies.
_INDIFFERENT = (
    r"do not care|did not care|would not care|would not mind|would not matter|does not matter|"
    r"doesnt matter|could not care less|couldnt care les|kan me (?:niet|niks|geen bal) "
    r"(?:schelen|boeien)|zou het (?:niet|nie) erg vinden|zou me (?:niks|niet|nie) (?:uitmaken|"
    r"kunnen schelen)|maakt me (?:niks|niet|nie) uit|boeit me (?:niet|niks)|so be it|het zij zo"
)

# Household poisons: drunk or swallowed, danger now.
_POISON = (
    r"bleekmiddel|chloor|gif|rattengif|antivries|wasmiddel|afwasmiddel|ontstopper|"
    r"gootsteenontstopper|wc eend|bleach|poison|rat poison|antifreeze|detergent|drain cleaner|"
    r"lye|pesticide|onkruidverdelger|weedkiller|wasbolletjes|wasmiddelcapsule|tide pods?"
)

DANGER: tuple[Rule, ...] = (
    rule(
        "pills_taken_nl",
        "danger",
        r"\b(?:te ?veel|alle|al mijn|hele|heel|[0-9]{2,}|handvol|doos|doosje|potje|strip|strips|"
        r"zoveel|een hoop|veel te veel|net(?! (?:mijn|m|me|de) )|zojuist(?! (?:mijn|m|me|de) )|"
        r"expres) <any>" + _PILLS + r"\b <any>"
        r"(?:geslikt|genomen|ingenomen|opgegeten|gepakt)\b",
    ),
    rule("pills_swallowed_nl", "danger", r"\b" + _PILLS + r" (?:<any>)geslikt\b"),
    rule(
        "overdose_taken",
        "danger",
        r"(?:\b(?:heb|had|heeft|took|taken|take|just) <any>(?:een |an |a )?(?:overdosis|overdose)"
        r"\b|\b(?:i|she|he|they|friend) (?:just |have |has )?overdosed\b)(?! (?:on )?(?:suiker|"
        r"sugar|cafeine|caffeine|koffie|coffee|netflix|chocolade|chocolate|drama|cringe|love|"
        r"liefde|vitamine\w*|zon|sun|sleep|slaap|tiktok|memes|anime|snoep|candy|energy)\b)",
    ),
    rule(
        "pills_taken_en",
        "danger",
        r"\b(?:took|taken|swallowed|downed|take) <any>(?:al|all of|a bunch of|whole|too many|"
        r"handful of|bottle of|[0-9]{2,}|lots of|so many|loads of) <any>"
        + _PILLS
        + r"(?!.{0,40}\b(?:doctor|dokter|arts|prescri\w*|voorgeschreven|infection|antibiotic\w*)"
        r"\b)",
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
        r"(?:the|my) (?:bed|seat|chair)))(?!.{0,50}\b(?:taking (?:photos|pictures|selfies)|"
        r"photos|pictures|chilling|drinks|drinking|bbq|barbecue|sunbathing|smoking|fixing|"
        r"repairing|with friends|with my friends|watching the)\b)|\b(?:standing|sitting|am|i am)"
        r" (?:right )?(?:now )?on "
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
    # --- held-out families (2026-11-28): danger in the words of the person or a friend ----------
    # Followed right now, with fear or the way home in the same message; a follow on Instagram
    # has no fear in it.
    rule(
        "followed_scared",
        "danger",
        r"\b(?:"
        + _FOLLOW
        + r").{0,90}?\b"
        + _FEAR
        + r"|\b"
        + _FEAR
        + r"\b.{0,90}?\b(?:"
        + _FOLLOW
        + r")",
    ),
    # Locked in and not let out: by someone ("heeft me opgesloten") or with no way out.
    rule(
        "locked_in",
        "danger",
        r"\b(?:locked|lock|locks|opgesloten|op slot|vastgehouden|houden (?:me|mij) vast|houdt "
        r"(?:me|mij) vast)\b.{0,60}?\b(?:(?:will|wil|does|do|did) not let (?:me|us) (?:out|"
        r"leave|go)\b(?! (?:to|with|out with))|can not (?:get out|leave|escape)|(?:kom|kan|mag) "
        r"(?:er |hier )?(?:<any>)(?:niet|nie) (?:meer )?(?:uit|weg|naar buiten|ontsnappen))"
        r"|\b(?:locked|locks|lock) (?:me|us) (?:up |in )(?:<any>)(?:room|house|basement|closet|"
        r"attic|car|bathroom)\b",
        guarded=True,
    ),
    # Someone at home with a weapon, and the message says why that frightens: drunk, angry,
    # a locked door, hiding. A knife to cut bread has none of that.
    rule(
        "weapon_at_home",
        "danger",
        r"\b"
        + _ARMED
        + r".{0,90}?\b"
        + _THREAT_CUE
        + r"|\b"
        + _THREAT_CUE
        + r".{0,90}?\b"
        + _ARMED
        + r"|\b"
        + _ARMED_CUED,
        guarded=True,
    ),
    # Blood soaking through a towel, pouring, lost in quantity, or everywhere and dizzy.
    rule(
        "heavy_bleeding",
        "danger",
        r"(?:\b(?:bloed|blood|bloedt|bloeden|bleeding|bleeds) (?:<any>)(?:door|through) (?:de |"
        r"het |mijn |my |the |a )?(?:\w+ )?(?:heen )?(?:handdoek|handdoeken|verband|pleister|"
        r"shirt|kleren|trui|towel|towels|bandage|bandages|clothes|sheets|lakens|tissues|doekje)\b|"
        r"\b(?:blood|bloed) (?:is |keeps |blijft )?(?:pouring|gushing|spurting|spuit|gutst|"
        r"stroomt|everywhere|overal)\b.{0,60}?\b(?:dizzy|duizelig|faint|flauw|lightheaded|light "
        r"headed|black|zwart|stop|stopt|help)\b|\b(?:lost|losing|verloren|verlies) (?:<any>)(?:a "
        r"lot of|so much|too much|veel|heel veel|te veel|zoveel) (?:blood|bloed)\b|\bbleeding "
        r"(?:really |so )?(?:heavily|badly|really bad|like crazy)\b|\b(?:veel|heel veel|te veel|"
        r"zoveel|so much|a lot of|too much) (?:bloed|blood) (?:<any>)(?:verloren|kwijt|lost|"
        r"verlies|losing)\b)(?!.{0,30}\b(?:donat\w*|gegeven|geven|bloedbank|giving|period|"
        r"ongesteld|menstru\w*|operatie|surgery)\b)",
    ),
    # A lot of pills (or the whole medicine cabinet) taken, and the body reacting now.
    rule(
        "pills_and_drowsy",
        "danger",
        r"\b(?:took|taken|take|swallowed|genomen|geslikt|ingenomen|op) (?:<any>)(?:everything|"
        r"alles|al) (?:<any>)(?:medicine cabinet|medicijnkast|medicijnkastje|cabinet|pills|"
        r"pillen|meds|medicijnen)\b(?!.{0,40}\b(?:doctor|dokter|arts|prescri\w*|voorgeschreven|"
        r"infection|antibiotic\w*)\b)|\b(?:took|taken|swallowed|downed) (?:<any>)(?:a lot of|a "
        r"ton of|tons of|way too many|too much|heaps of|a whole (?:bottle|pack|box|strip) of|the "
        r"whole (?:bottle|pack|box|strip)|like [0-9]+|a bunch of) (?:<any>)"
        + _PILLS
        + r"|\b(?:veel|alle|al mijn|hele|handvol|zoveel|[0-9]{2,}|many|all|lots of|a lot of|"
        r"bunch of|whole|everything|al) (?:<any>)"
        + _PILLS
        + r"\b.{0,60}?\b(?:slaperig|suf|duizelig|wazig|misselijk|draait|sleepy|drowsy|dizzy|"
        r"woozy|can not stay awake|kan (?:mijn ogen )?(?:niet|nie) (?:meer )?open ?houden|val "
        r"(?:bijna )?in slaap|passing out|pass out)\b",
    ),
    # A friend on a roof or bridge who says they will jump, or who does not answer.
    rule(
        "friend_high_place",
        "danger",
        r"\b(?:op|on|at|van|bovenop|on top of) (?:het |de |een |the |a |her |his |zijn |haar "
        r"|hun |their )?(?:(?:rand|edge|top|bovenkant|dak|roof) (?:van|of) (?:het |de |een |the "
        r"|a |her |his |zijn |haar )?)?(?:\w+ )?<high>.{0,90}?\b(?:"
        + _JUMP_INTENT
        + r"|<no_answer>)|\b(?:"
        + _JUMP_INTENT
        + r").{0,60}?\b(?:op|on|at|van|from|of) (?:het |de |een |the |a |her |his |zijn |haar "
        r")?<high>",
    ),
    # Someone who does not respond, next to empty pill strips or after a goodbye message.
    rule(
        "unresponsive_means",
        "danger",
        r"\b<no_answer>.{0,90}?\b(?:pil\w*|strip\w*|tablet\w*|medicijn\w*|pills|meds|potje|"
        r"doosje|bottle|bloed|blood|touw|rope)\b|\b(?:pil\w*|strip\w*|tablet\w*|medicijn\w*"
        r"|pills|meds|potje|doosje|bottle|bloed|blood|touw|rope)\b.{0,90}?\b<no_answer>"
        r"|\b(?:goodbye|godbye|afscheid\w*|vaarwel|laatste bericht\w*|last message|final "
        r"message|a note|note saying|briefje|brief)\b.{0,90}?\b<no_answer>",
    ),
    # Someone breaking in now, with the writer at home or afraid.
    rule(
        "break_in",
        "danger",
        r"\b(?:iemand|er|someone|somebody|a man|een man|men|mannen|inbreker\w*|burglar\w*|people)"
        r" (?:<any>)(?:probeert|proberen|is|zijn|trying|tries|breaking|breekt|breken) (?:<any>)"
        r"(?:in te breken|in te trappen|aan het inbreken|in|to break in|breaking in|into my "
        r"(?:house|room|home|flat|apartment))\b.{0,60}?\b(?:alleen|alone|bang|scared|help|thuis|"
        r"home|nu|now|right now)\b",
    ),
    # Being strangled now: "he is choking me and i can't breathe".
    rule(
        "choked_now",
        "danger",
        r"\b(?:is|zit|zijn|keeps|blijft) (?:<any>)(?:choking|strangling|wurgen|te wurgen|aan het "
        r"wurgen) (?:me|mij)\b|\b(?:wurgt|choking|strangling|knijpt) (?:me|mij|mijn "
        r"keel)\b.{0,60}?\b(?:can not breathe|kan (?:niet|nie) (?:meer )?ademen|krijg geen lucht|"
        r"no air)\b",
    ),
    # Pills with alcohol, or "something" taken and the body alarming.
    rule(
        "pills_with_alcohol",
        "danger",
        r"\b(?:" + _PILLS + r"|slaap ?pillen|xanax|oxy\w*|pijnstillers) (?:<any>)(?:genomen|"
        r"geslikt|ingenomen|gemixt|gemengd|gecombineerd|took|taken|mixed|swallowed|downed)? ?"
        r"(?:met|with|and|en|plus|combined with) (?:<any>)(?:drank|alcohol|wodka|vodka|wijn|wine|"
        r"bier|beer|whisky|liquor|booze|rum|tequila)\b(?:.{0,30}\b(?:genomen|geslikt|ingenomen|"
        r"gemixt|gemengd|op))?|\b(?:took|taken|mixed|swallowed|downed|genomen|geslikt) (?:<any>)"
        r"(?:" + _PILLS + r"|slaap ?pillen|xanax|pijnstillers) (?:<any>)(?:met|with|and|en) "
        r"(?:<any>)(?:drank|alcohol|wodka|vodka|wijn|wine|bier|beer|whisky|liquor|booze)\b|\b(?:"
        r"iets|something|stuff|dingen|drugs|xtc|mdma|molly|coke|speed|ghb|een pil|a pill) "
        r"(?:<any>)(?:genomen|geslikt|gebruikt|took|taken|swallowed|used|had)\b.{0,60}?\b"
        + _BODY_ALARM
        + r"|\b(?:took|taken|swallowed|used|did|had|done) (?:<any>)(?:something|stuff|drugs|xtc|"
        r"mdma|molly|coke|ghb|a pill)\b.{0,60}?\b" + _BODY_ALARM,
    ),
    # A person who does not wake or respond, with a body that alarms: drunk on the floor,
    # breathing strangely, collapsed.
    rule(
        "unresponsive_body",
        "danger",
        r"\b"
        + _NOT_WAKING
        + r".{0,90}?\b"
        + _BODY_ALARM
        + r"|\b"
        + _BODY_ALARM
        + r".{0,90}?\b"
        + _NOT_WAKING,
    ),
    # Out in the cold at night with nowhere to go; a camp or a festival is a choice.
    rule(
        "nowhere_tonight",
        "danger",
        r"\b(?:nowhere to (?:sleep|go|stay)|nergens (?:om )?(?:te )?(?:slapen|heen|naartoe)|geen "
        r"(?:plek|slaapplek) (?:om )?(?:te )?slapen|buiten (?:moeten )?slapen|moet buiten slapen|"
        r"sleep(?:ing)? outside|on the street|op straat)\b(?!.{0,80}\b(?:kamp|camping|tent|"
        r"festival|camp|hike|wandeltocht)\b).{0,60}?\b(?:vriest|freezing|ijskoud|koud|cold|nacht|"
        r"tonight|vannacht|donker|dark|alleen|alone|bang|scared)\b",
        guarded=True,
    ),
    # Violence happening right now at home: "mijn vader slaat mijn moeder nu".
    rule(
        "violence_now",
        "danger",
        r"\b(?:<who_en>|<who_nl>|iemand|hij|ze) (?:<any>)(?:beating|hitting|attacking|stabbing|"
        r"kicking|choking|slaat|schopt|steekt|wurgt|mishandelt|aanvalt|in elkaar slaat) (?:<any>)"
        r"(?:my|mijn|m|me|mij|her|him|haar|hem|us|ons) (?:\w+ )?(?:<fill>)(?:right now|rn|now|nu|"
        r"op dit moment|as we speak|op dit moment)\b|\b(?:nu|right now|op dit moment) (?:<fill>)"
        r"(?:slaat|beating|hitting|attacking) (?:<any>)(?:mijn|my) (?:moeder|mama|mam|vader|papa|"
        r"mom|mum|dad|zus|broer|sister|brother)\b",
    ),
    # Red water in the bath, cut wrists: bleeding now.
    rule(
        "wrists_cut",
        "danger",
        r"\b(?:bad|bath|bathtub|badkuip)\b.{0,50}?\b(?:water|it)\b (?:<any>)(?:rood|red|vol "
        r"bloed|bloody|ful of blood)\b|\b(?:polsen|pols|wrists|wrist|slagader|artery) (?:<any>)"
        r"(?:opengesneden|open gesneden|doorgesneden|opengesneeden|opengesneden|slit|cut open|"
        r"sliced open)\b|\b(?:slit|sliced|cut open|opengesneden|doorgesneden|open gesneden) "
        r"(?:<any>)(?:my|mijn|m|her|his|haar|zijn) (?:wrists|wrist|polsen|pols|throat|keel)\b",
    ),
    # Lying on the tracks, a rope round the neck, poison, gas or insulin taken: acute danger.
    rule(
        "on_tracks_or_rope",
        "danger",
        r"\b(?:lig|ligt|liggen|lying|laying|lie) (?:<fill>)(?:op|on|across) (?:de |het |the )?"
        r"(?:rails|spoor|train tracks|tracks|railway|spoorlijn)\b|\b(?:touw|strop|rope|noose|"
        r"riem|belt|kabel|cable|snoer|cord) (?:<any>)(?:om|around|round|rond) (?:mijn|my|m|zijn|"
        r"haar|his|her) (?:nek|hals|neck|keel|throat)\b",
    ),
    rule(
        "poison_taken",
        "danger",
        r"\b(?:" + _POISON + r") (?:<any>)(?:gedronken|ingeslikt|geslikt|opgedronken|genomen|"
        r"drank|drunk|swallowed|took|taken|ate|eaten)\b|\b(?:drank|drunk|swallowed|took|ate|"
        r"dronk|slikte) (?:<any>)(?:" + _POISON + r")\b|\b(?:gaskraan|gas) (?:<any>)(?:opengezet|"
        r"open gezet|open gedraaid|opengedraaid|aangezet|aan gezet|open)\b(?!.{0,30}\b(?:koken|"
        r"kook|cooking|cook|fornuis|pan|eten|food)\b)|\bturned on the gas\b(?!.{0,30}\b(?:cook|"
        r"cooking|food|stove)\b)|\b(?:te veel|al mijn|alle|veel te veel|too much|al my|way too "
        r"much|a lot of) (?:<any>)(?:insuline|insulin)\b (?:<any>)(?:gespoten|geinjecteerd|"
        r"genomen|injected|took|taken|used)\b|\b(?:injected|spoot|gespoten|took) (?:<any>)(?:too "
        r"much|al my|te veel|al mijn|alle|a lot of) (?:<any>)(?:insuline|insulin)\b",
    ),
    # Climbing over a railing up high, on the wrong side of it now.
    rule(
        "over_the_railing",
        "danger",
        r"^(?=.*\b(?:parkeergarage|brug|dak|flat|balkon|bovenste|bridge|roof|rooftop|balcony|"
        r"ledge)\b)(?=.*\b(?:klim|climb|climbing|sta|stand|standing) (?:<any>)over (?:het|de|the) "
        r"(?:hek|reling|railing|balustrade|rand|edge|fence)\b)|\b(?:wrong|other|verkeerde|andere) "
        r"(?:side|kant) (?:of (?:the )?|van (?:de |het ))(?:railing|reling|balustrade|bridge|brug|"
        r"ledge)\b",
    ),
    # A whole prescription taken, or pills taken to make it all stop.
    rule(
        "whole_supply_taken",
        "danger",
        r"\b(?:took|tok|taken|genomen|ingenomen|geslikt|slikte|nam|swallowed) (?:<any>)(?:whole|"
        r"entire|hele|al mijn|al my|de hele) (?:<any>)(?:prescription|strip|doos|pot|botle|pack|"
        r"voorraad|box|recept)\b|\b(?:ingenomen|genomen|geslikt) om (?:<any>)(?:te laten stoppen|"
        r"op te laten houden|niet meer wakker te worde"
        r"n)\b|\b(?:did|done) something (?:stupid|dumb|"
        r"bad) with (?:my|the) (?:meds|pils|medication)\b|\biets (?:doms|stoms) (?:gedaan )?met "
        r"(?:<my> )?(?:pillen|medicatie|medicijnen)\b",
    ),
    # A door kicked in while the writer hides; a door handle tried with a threat.
    rule(
        "door_kicked_in",
        "danger",
        r"^(?=.*\b(?:deur (?:<any>)?(?:ingetrapt|intrapt"
        r"|ingeslagen|opengebroken)|kicked in (?:the|my)"
        r" door|kicking in (?:the|my) door|door (?:<any>)?kicked in)\b)(?=.*\b(?:zoekt (?:me|mij)|"
        r"looking for me|verstop|hiding|hide|onder (?:<"
        r"my>|het) bed|under (?:my|the) bed|in de kast|"
        r"in the closet)\b)",
    ),
    rule(
        "door_handle_threat",
        "danger",
        r"^(?=.*\b(?:door ?handle|deurklink|klink)\b)(?=.*\b(?:or else|open up or|doe open "
        r"anders)\b)",
        guarded=True,
    ),
    # Armed people waiting outside for the writer.
    rule(
        "armed_waiting",
        "danger",
        r"^(?=.*\b(?:met|with) (?:<any>)" + _WEAPON + r"\b)(?=.*\b(?:waiting|wachten|wacht|staan|"
        r"staat) (?:<any>)(?:outside|buiten|for me|op me|op mij|voor (?:de|mijn|<my>) deur)\b)",
    ),
    # A stranger who says the writer must come along; a car of strangers driving off.
    rule(
        "stranger_take_along",
        "danger",
        r"\b(?:een man|een vent|een gast|een onbekende|mannen|some guy|a man|a guy|a stranger|men)"
        r"\b.{0,60}\b(?:mee moet komen|moet meekomen|(?:have|need|must) to come with (?:him|them))"
        r"\b|\b(?:auto|busje|car|van) (?:met|with) (?:<any>)(?:mannen|jongens|mensen|men|guys|"
        r"people|strangers) (?:die ik niet ken|i do not know|i dont know)\b.{0,80}\b(?:mond "
        r"(?:moet )?houden|shut up|keep quiet|bang|scared)\b",
        guarded=True,
    ),
    # Someone barely breathing.
    rule(
        "barely_breathing",
        "danger",
        r"\b(?:barely|hardly) breathing\b|\b(?:ademt|ademde) (?:<fill>)(?:nauwelijks|amper|bijna "
        r"niet)\b",
        guarded=True,
    ),
)

SUICIDE: tuple[Rule, ...] = (
    # --- explicit, Dutch ------------------------------------------------------------------------
    rule(
        "want_dead_nl",
        "suicide",
        r"\b<want> <gap>(?:dood|doot|dot|dode|doodt) ?(?:gaan|zijn|wezen|ga|maken)?\b"
        r"(?!(?: \.)? (?:van|door) (?:de |het )?(?:honger|dorst|lachen|verveling|hitte|kou)\b)",
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
        r"\b(?:was|ware|lag|ben) ik (?:maar|gewoon|nou maar|maar gewoon)? ?dood\b|\b(?:hoop|"
        r"hoopte|gehoopt|wou|wens|wilde|wil) (?:echt |gewoon |soms )?dat ik <any>(?:dood|sterf|"
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
        r"\bgeen (?:enkele |echte )?(?:zin|reden|puf|energie|motivatie|kracht|hoop) (?:meer "
        r")?(?:om|in|voor) (?:nog )?(?:te |het |mijn )?(?:leven|bestaan|door te gaan|verder te "
        r"gaan|(?:hier |er )?(?:nog )?te (?:zijn|blijven) op (?:deze|de) (?:wereld|aarde)|(?:hier|"
        r"er) (?:nog )?te zijn)",
    ),
    rule(
        "life_pointless_nl",
        "suicide",
        r"\b(?:leven|bestaan) (?:heeft|had) <any>geen (?:zin|nut|doel)\b|"
        r"\b(?:mijn |het )?(?:leven|bestaan) is <any>(?:zinloos|waardeloos|niks waard|"
        r"niets waard|een hel)\b|\b(?:wat heeft|heeft) (?:het|dit|mijn) (?:leven )?(?:allemaal )?"
        r"(?:nog )?(?:voor )?zin<end>|\bheeft (?:het|dit) (?:leven |allemaal )?(?:nog )?"
        r"(?:voor )?zin (?:om|te) (?:nog )?(?:te )?(?:leven|door te gaan)",
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
        r"(?:never|nooit|niet) (?:meer |again )?(?:wake up|wakker)\b|\bsleep forever\b(?! "
        r"(?:after|na|this|dit|on|op|in|at)\b)",
    ),
    rule(
        "no_future_nl",
        "suicide",
        r"\b(?:zie|ziet|zag|zien) (?:het|t|et|dat|alles|het leven|mijn leven|het allemaal)? "
        r"?(?:echt |gewoon |allemaal |helemaal |zo )*(?:niet|nie) ?meer zitten\b|\bzie (?:echt |"
        r"gewoon |helemaal )?geen (?:andere |enkele )?(?:uitweg|toekomst meer|reden (?:meer )?om|"
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
        r"(?:\bafscheids ?(?:brief|briefje|brieven)\b|\b(?:suicide|goodbye) (?:note|notes|letter|"
        r"letters)\b)(?! (?:<any>)(?:school|colleague|colleagues|collega|collegas|class|klas|team|"
        r"job|baan|werk|teacher|juf|meester|mentor|coach|club|vereniging|buurman|buurvrouw|"
        r"pensioen|retirement|followers|volgers)\b)",
    ),
    rule(
        "jump_nl",
        "suicide",
        r"(?<!bungee )(?<!bungy )\b(?:springen|spring|springt|sprong|gesprongen|jump|jumping) "
        r"(?:van|vanaf|voor|onder|of|from|in front of) (?:de |een |het |a |the |my )?(?:flat|dak|"
        r"brug|gebouw|balkon|trein|metro|tram|bus|spoor|bridge|building|roof|train|cliff|"
        r"balcony)\b|\b(?:voor|onder) "
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
        r"zal|will) (?:even |ever |really |actually |het |it |eens |ook )*(?:merken|notice|"
        r"noticing)(?:<end>| (?:als|if|wanneer|when) "
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
        r"(?:een |n |a )?(?:last voor|last<end>|blok aan het been|burden)\b(?! (?:(?:on|op|in|"
        r"for|voor|to) )?(?:the |my |de |het |mijn |our |ons |this |dit )?(?:group|team|project|"
        r"groep|werk|groepje|squad|class|klas)\b)",
    ),
    rule(
        "never_born",
        "suicide",
        r"\b(?:nooit|niet) geboren (?:was|ben|zijn|worden|te zijn)\b|\bnever (?:been )?born\b",
    ),
    rule(
        "disappear_nl",
        "suicide",
        r"\b<want> (?!(?:gewoon |echt )?(?:even|eventjes|ff|efe|heel even)\b)<gap>(?:verdwijnen|"
        r"verdwijn|oplossen|weg van alles|weg uit dit leven)\b(?! (?:onder|in|van|uit|op) "
        r"(?:mijn |m |de |het )?(?:dekbed|bed|deken|bank|social|socials|insta|tiktok|internet|"
        r"groepsapp)\b)",
        guarded=True,
    ),
    rule(
        "cannot_go_on_nl",
        "suicide",
        r"\btrek (?:het|t|dit|dit leven|het leven|et) (?:echt |gewoon |allemaal |helemaal "
        r")*(?:niet|nie) ?meer\b|\b(?:hou|houd) (?:het|t|dit|dit leven|het leven|et) (?:echt |"
        r"gewoon |allemaal |helemaal )*(?:niet|nie) ?meer vol\b|\bkan (?:echt |gewoon |zo "
        r")*(?:niet|nie) ?meer (?:verder|door)\b|\bklaar met (?:het |mijn |dit )?leven\b|"
        r"\b(?:leven|bestaan) (?:<fill>)(?:zat|beu|moe)\b|\blevensmoe\b|\b(?:moe|zat|beu) (?:van|"
        r"met|om) (?:het |mijn |dit |te )?leven\b|\bwaarom (?:ik (?:nog|eigenlijk|uberhaupt) leef|"
        r"leef ik (?:nog|eigenlijk|uberhaupt)|ben ik er (?:nog|eigenlijk))\b",
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
        r"stop existing|stop living)\b(?! (?:my|her|his|your|the|it) hair)",
    ),
    rule(
        "want_die_en",
        "suicide",
        r"(?<!not )(?<!never )\b(?:want|wanted|wants|wish|ready|deserve|would rather|rather|"
        r"just want|hope) (?:to |i |i could |i would |i can )?<gap>(?:die|dye(?= \.|$)|be dead|dis"
        r"appear "
        r"forever|not exist|stop existing|stop living)\b(?! (?:my|her|his|your|the|it) hair)",
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
        r"up)\b(?! (?:with|early|late|sick|too|so|in time|on time|before|hungover|tired|my|her|his"
        r")\b)|\b(?:better of|rather be|would rather be|beter of) dead\b|"
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
        r"still )?(?:keep (?:going|living|trying)|go on|live|stay alive|be alive|exist)\b"
        r"|\bwaarom (?:<any>)(?:ik|k) (?:nog|eigenlijk|uberhaupt) (?:zou |moet |zal )?(?:door ?"
        r"leven|verder leven|blijven leven)\b",
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
    # --- held-out families (2026-11-28) ---------------------------------------------------------
    # A plan with a time: "morgen ben ik er niet meer", "ik ben er volgend jaar niet meer",
    # "dat ze morgen niet meer leeft". A trip, a job or being ill after it is an absence.
    rule(
        "gone_by_then",
        "suicide",
        r"(?:\b<when> (?:<fill>)(?:ben|zal|is|zijn|leef|leeft|besta|bestaat) (?:ik|k|hij|ze|zij) "
        r"(?:er |hier )?(?:<fill>)(?:niet|nie) ?meer\b|\b(?:ik|k|hij|ze|zij) (?:ben|is|zijn|zal) "
        r"(?:er|hier) (?:<fill>)<when> (?:<fill>)(?:niet|nie) ?meer\b|\b(?:dat|als|omdat|want) "
        r"(?:ik|k|hij|ze|zij) (?:er |hier )?(?:<fill>)<when> (?:<fill>)(?:niet|nie) ?meer (?:is|"
        r"ben|zijn|zal zijn|leeft|leef|leven|bestaat|besta)\b|\b(?:ik|k|hij|ze|zij) "
        r"(?:<fill>)<when> (?:<fill>)(?:niet|nie) ?meer (?:leeft|leef|leven|bestaat|besta)\b|"
        r"\b<when> (?:<fill>)(?:i|she|he|they) (?:wil not|am not going to|is not going to|are not "
        r"going to|might not) (?:<fill>)(?:be alive|be breathing|be in this world|exist|be here "
        r"anymore|be around anymore)\b)(?! (?:bij|aan|mee|op|in|over)\b)(?!.{0,40}\b(?:vakantie|"
        r"verhuis\w*|ziek|afspraak|werk|werken|werkdag|stage|school|kantoor|reis|op bezoek|"
        r"tandarts|dokter|huisarts|baan|contract|holiday|vacation|trip|moving|move|work|sick|"
        r"appointment|exchange|abroad|shift|job)\b)",
        guarded=True,
    ),
    # Not alive by a moment, in English: "won't be alive next week", "don't plan on being
    # around next year", "don't think i'll be alive".
    rule(
        "not_alive_then_en",
        "suicide",
        r"(?:\b(?:wil not|am not going to|is not going to|might not|may not|do not think i wil|"
        r"do not think il|do not plan on|does not plan on|do not intend on|do not expect to|not "
        r"planning on|no plans? (?:on|of)) (?:<fill>)(?:be |being |still be )(?:alive|breathing|"
        r"in this world|on this earth)\b|\b(?:do not|does not|not) (?:plan|planning|intend|"
        r"intending) (?:on|to) (?:be|being|still be) (?:around|here) (?:<fill>)(?:<when>|for "
        r"(?:much )?long(?:er)?|much longer|anymore|after|past)\b)(?!.{0,40}\b(?:moving|move|"
        r"holiday|vacation|trip|exchange|abroad|contract|graduat\w*|job|city|town|country|"
        r"utrecht|school|uni)\b)",
        guarded=True,
    ),
    # A milestone one will not reach: "ik haal mn 20e verjaardag niet", "i won't make it to
    # my birthday"; a birthday party or a Christmas dinner is a date, not a life.
    rule(
        "not_reach_milestone",
        "suicide",
        r"\b(?:haal|haalt|maak|maakt|beleef|beleeft|zie|ziet|overleef) (?:ik |k |hij |ze |zij )?"
        r"(?:<fill>)(?:mijn|de|het|zijn|haar|m) (?:[0-9]+e |[0-9]+ste |volgende |eigen )?"
        r"(?:verjaardag|kerst|zomer|nieuwjaar|oud en nieuw|volgend jaar|[0-9]+e|[0-9]+ste)\b "
        r"(?:<fill>)(?:niet|nie|nooit)\b(?! (?:op tijd|voor|in|met)\b)|\b(?:wil not|never|am not "
        r"going to|do not think i wil|not going to) (?:<fill>)(?:make it to|live to see|see|"
        r"reach|live (?:until|til|to)|make it past|be here for|be alive for|be around for|get to) "
        r"(?:my|the|this|next) (?:[0-9]+(?:st|nd|rd|th)? |next )?(?:birthday|christmas|summer|"
        r"new year|new years|year|[0-9]+(?:st|nd|rd|th)?)\b(?! (?:s |party|dinner|cake|"
        r"celebration|trip|market|break|holiday|holidays|concert|show|exam|exams|festival))"
        r"|\b(?:ga|zal|gaat) (?:ik |k |hij |ze )?(?:<fill>)(?:mijn|de|het|zijn|haar|m) "
        r"(?:[0-9]+e |[0-9]+ste |volgende )?(?:verjaardag|kerst|zomer|nieuwjaar|oud en nieuw|"
        r"[0-9]+e|[0-9]+ste) (?:<fill>)(?:niet|nooit) (?:meer )?(?:halen|meemaken|mee maken|"
        r"zien|beleven)\b|\b(?:ik|k) (?:word|wordt|haal) (?:<fill>)(?:geen|nooit|never) "
        r"[0-9]{2}\b(?! (?:jaar )?(?:punten|km|kilo|euro|procent|minuten|uur))",
        guarded=True,
    ),
    # Gone for good: "ben ik toch weg voor altijd", "beter dat ik voorgoed verdwijn", "when i'm
    # gone for good"; moving away names a place ("voorgoed weg uit utrecht").
    rule(
        "gone_for_good",
        "suicide",
        r"\b(?:ik|k|i|i am|il|hel|shel|hij|ze|zij|she|he|me|mij) (?:<any>)(?:ben |is |am |be |was "
        r"|to be )?"
        r"(?:<fill>)(?:weg|gone|verdwijn|verdwijnen|verdwenen|disappear|disappeared|vanish|"
        r"vanished|dood|dead) (?:voor altijd|voorgoed|forever|for ever|for god|permanently)\b"
        r"(?! (?:uit|van|naar|bij|from|to|of|in)\b)|\b(?:ik|k|hij|ze|zij) (?:<any>)(?:voorgoed|"
        r"voor altijd) (?:<fill>)(?:weg ?gaan|verdwijn|verdwijnen|weg ben|weg zijn|weg is|weg)\b"
        r"(?! (?:uit|van|naar|bij|in)\b)|\b<want> (?:<fill>)(?:niet|nie) (?:meer|langer) "
        r"(?:<fill>)(?:hier|er) (?:<fill>)(?:zijn|wezen|bestaan)<end>",
        guarded=True,
    ),
    # The others will be rid of me: "jullie zijn straks toch van me af", "they'll finally be
    # rid of me", "my family will finally have peace when i'm gone".
    rule(
        "rid_of_me",
        "suicide",
        r"\b(?:zijn|is|ben|bent) (?:<any>)(?:straks|binnenkort|toch|eindelijk|voorgoed|snel|"
        r"gauw|morgen|voor altijd) (?:<fill>)van (?:me|mij) af\b|\b(?:be|are) (?:<fill>)(?:rid|"
        r"free) of me (?:<fill>)(?:soon|forever|for god|at last|finaly)\b|\b(?:finaly|soon) "
        r"(?:be )?(?:rid|free) of me\b|\b(?:have|find|get|krijgen|hebben) (?:<fill>)(?:peace|"
        r"rust) (?:<any>)(?:when|once|if|als|wanneer|zodra) (?:i am|i|ik) (?:<fill>)(?:gone|dead|"
        r"weg|dood|er niet meer)\b",
        guarded=True,
    ),
    # Better off or easier without me, in a clause with "als/if": "iedereen is beter af als ik
    # er gwn niet meer ben", "everything would be easier if i just stopped existing".
    rule(
        "better_if_gone",
        "suicide",
        r"\b(?:kan|kun|zou|moet) (?:ik |k )?(?:<fill>)(?:maar )?(?:beter|net zo goed) "
        r"(?:<fill>)(?:verdwijnen|dood (?:gaan|zijn)|dood ?gaan|er niet meer zijn|niet meer "
        r"bestaan)\b|\b(?:beter|beter af|blijer|gelukkiger|makkelijker|rustiger|better|better of|"
        r"happier|easier|simpler) (?:<any>)(?:als|wanneer|if|when|once) (?:ik|i) (?:<fill>)(?:er "
        r"(?:<fill>)(?:niet|nie) ?meer|weg was|weg ben|dood was|dood ben|dood ga|niet meer besta|"
        r"er nooit was|nooit geboren|was gone|were gone|am gone|was not here|wasnt here|were not "
        r"here|was not around|wasnt around|was dead|were dead|did not exist|didnt exist|stoped "
        r"existing|stop existing|died|disappeared|vanished|never existed|was never born|kiled "
        r"myself|verdwijn|disappear)\b(?! (?:uit|van|from|of|in|op|for|voor)\b)",
    ),
    # Stop existing or living, without "want": "ophouden met bestaan", "stoppen met leven".
    rule(
        "stop_existing",
        "suicide",
        r"\b(?:stoppen|stop|stopte|ophouden|ophoud|ophield|houd op|hou op) (?:ermee |er mee "
        r")?(?:met|te) (?:leven|bestaan|ademen)\b(?! (?:volgens|naar|voor|zoals|in|als|op|for|"
        r"in)\b)|\b(?:stop|stoped|stopping|cease|ceased) (?:existing|living|to exist|"
        r"breathing)\b(?! (?:on|in|for|at|like|according|by)\b)",
        guarded=True,
    ),
    # Not deserving to live: "ik verdien het niet om te leven", "i don't deserve to be alive".
    rule(
        "not_deserve_life",
        "suicide",
        r"\bverdien (?:het )?(?:<fill>)(?:niet|nie|geen) (?:<fill>)(?:om )?(?:te )?(?:leven|"
        r"bestaan|hier te zijn|er te zijn|te leven|te bestaan|een leven)\b|\bverdien (?:het "
        r"(?:om )?)?(?:de dood|dood te (?:gaan|zijn)|te sterven)\b|\b(?:do not|never|not) "
        r"deserve (?:to )?(?:live|be alive|exist|be here|life|breathe|be on this earth)\b",
    ),
    # Method research: the fastest or painless way, how high, how many pills would it take.
    rule(
        "method_question",
        "suicide",
        r"\b(?:snelste|pijnloze|pijnloos|pijnloosste|makkelijkste|beste|zekerste|simpelste|minst "
        r"pijnlijke|snelle|zachtste) (?:<any>)(?:manier|methode|optie|way|method) (?:om |van |to "
        r")?(?:<any>)(?:dood|sterven|zelf ?moord|zelf ?doding|niet meer wakker|er een eind|er uit "
        r"te stappen|eruit te stappen|<me> (?:<any>)(?:te )?(?:doden|dood te maken|van kant))|"
        r"\b(?:easiest|quickest|fastest|painless|painlessly|least painful|most painless|best|"
        r"surest|simplest|quick|easy|peaceful|cleanest) (?:<any>)(?:way|ways|method|methods) "
        r"(?:to |of )?(?:<any>)(?:die|dying|kil (?:my ?self|yourself|urself|oneself|me)|end it(?! "
        r"with\b)|end (?:my|your) life|comit suicide|suicide|overdose|not wake up|go<end>)|\bhoe "
        r"hoog (?:<far>)(?:brug|flat|gebouw|dak|balkon|verdieping|toren|parkeergarage|raam)\b "
        r"(?:<far>)(?:moet zijn|zijn moet|(?:niet )?te overleven|dood|sterven)|\bhoe hoog moet "
        r"(?:ik|je|een mens) (?:<any>)springen\b|\bhow high (?:<far>)(?:bridge|building|roof|"
        r"balcony|floor|tower|window|fall|jump) (?:<any>)(?:has to be|have to be|needs to be|need "
        r"to be|must be|should be|to die|to kil|to be fatal|is fatal|is lethal|kils)|\b(?:hoeveel|"
        r"how many|how much) (?:<far>)(?:would|wil|does|do|did|moet|heb|nodig|is|zijn) "
        r"(?:<far>)(?:it take|kil|kils|dodelijk|fataal|lethal|fatal|om dood|om te sterven|om niet "
        r"meer wakker|to die|to not wake up|to never wake up|to od|to overdose)\b|\b(?:welke|"
        r"which|what) (?:<any>)(?:pillen|medicijnen|pills|meds|drugs|dosis|dose) (?:<any>)(?:zijn "
        r"|is |are )?(?:dodelijk|lethal|fatal)\b|\b(?:genoeg|voldoende|enough) (?:<any>)(?:om "
        r"dood te (?:gaan|zijn)|om te sterven|om niet meer wakker|om er een eind|to die|to kil "
        r"(?:me|myself|you|yourself|someone)|to not wake up|to end it|to od|to overdose)\b(?! "
        r"van\b)",
        guarded=True,
    ),
    # Jumping in the words of a plan: "morgen spring ik van de flat", "ik ga van de dom
    # springen", "spring ik van het dak". Bungee jumping and a diving board are sport.
    rule(
        "jump_plan",
        "suicide",
        r"(?<!bungee )(?<!bungy )(?<!cliff )\b(?:spring|springt|springen|sprong|jump|jumping|"
        r"jumped) (?:ik |k |hij |ze |zij |i |il )?(?:(?:<fillw>|morgen|vanavond|vannacht|straks|"
        r"nu|zo|tonight|tomorrow) ){0,4}(?:van|vanaf|of|from|off|in front of|voor|onder|under) "
        r"(?:de |een |het |a |the |my |mijn |m |zijn |haar |ons |onze |this |that )?(?:[a-z0-9]+ "
        r")?<high>|\b(?:van|vanaf|of|from) (?:de |een |het |mijn |m |zijn |haar )?(?:[a-z0-9]+ "
        r")?<high> (?:<fill>)(?:af )?(?:te )?(?:springen|spring|springt|gesprongen)\b",
    ),
    # In front of or under a train, bus or car: "ik ga me voor de trein gooien", "walk into
    # traffic", "denk ik erover om ervoor te stappen" when a train goes by.
    rule(
        "in_front_of_vehicle",
        "suicide",
        r"\b(?:voor|onder|in front of|under) (?:de |een |het |a |the |an )?(?:trein|metro|tram|"
        r"bus|auto|vrachtwagen|truck|train|car|lorry|subway|tube)\b (?:<any>)(?:springen|spring|"
        r"springt|gooien|gooi|werpen|werp|gaan liggen|liggen|lig|lopen|stappen|stap|jump|step|"
        r"throw|lie down|lay down)\b|\b(?:jump|jumping|step|stepping|throw myself|throwing myself|"
        r"lie down|lay down|walk|walking) (?:<any>)(?:in front of|under|onto|on to) (?:a |the |an "
        r")?(?:train|metro|tram|bus|truck|lorry|car|subway|tube|tracks)\b|\b(?:trein|metro|tram|"
        r"train|bus|vrachtwagen|truck)\b.{0,60}?\b(?:ervoor|eronder|er voor|er onder|in front of "
        r"it) (?:te )?(?:springen|stappen|stap|spring|gaan liggen|lopen|gooien|jump|jumping|step|"
        r"stepping)\b|\b(?:walk|walking|step|stepping|run|running) (?:<any>)(?:into|in to) (?:the "
        r")?(?:oncoming )?traffic\b|\b(?:loop|spring|gooi|werp|stap|lig) (?:ik |k )?(?:(?:<fillw>|"
        r"vanavond|vannacht|morgen|zo|straks|nu) ){0,4}(?:<me> )?(?:(?:<fillw>|vanavond|vannacht|"
        r"morgen|zo|straks|nu) ){0,4}(?:voor|onder) (?:de |een )?(?:trein|metro|tram|bus|auto|"
        r"vrachtwagen)\b(?! (?:uit|langs|door|in|om)\b)",
    ),
    # Driving or being run into death: "mezelf doodrijden", "tegen een boom rijden", "drive my
    # car into a wall".
    rule(
        "crash_on_purpose",
        "suicide",
        r"\b(?:<me>|ik|k) (?:<any>)(?:dood ?rijden|dood ?rij|dood te rijden)\b|\b(?:ga|gaat|wil|"
        r"zal|denk|overweeg|plan|zou|wou|rij|rijd|knal|crash) (?:<far>)tegen (?:een |de )(?:boom|"
        r"muur|vrachtwagen|pijler|brugpijler|betonblok|lantaarnpaal|trein) (?:aan )?(?:te "
        r")?(?:rijden|rijd|rij|knallen|crashen|rammen|aan)?\b|\b(?:<en_want>|il |wil "
        r")(?:<gap>)(?:drive|crash|steer|swerve|ram) (?:<any>)(?:into|in to|of|off) (?:a |the |an "
        r")?(?:oncoming )?(?:tree|wal|truck|lorry|lamppost|pole|river|canal|traffic|cliff|"
        r"train)\b",
        guarded=True,
    ),
    # Method verbs with oneself, in English and Dutch: "hang myself", "off myself", "mezelf
    # doodschieten", and an overdose as a plan ("going to overdose", "tried to overdose").
    rule(
        "method_self",
        "suicide",
        r"\b(?:hang|hanging|hanged|drown|drowning|drowned|shoot|shooting|poison|poisoning|"
        r"suffocate|suffocating|electrocute|gas) (?:<self_en>|my ?self)\b|(?<!go )\b(?:to|how "
        r"to) hang (?:yourself|urself|oneself)\b|\b(?:tie|tying|make|making|knot|knoop|knopen|"
        r"maken|maak) (?:<any>)(?:a |een )?(?:noose|strop)\b|\b(?:to|going to|gona|"
        r"wil|il|ima|might|about to|want to|just) (?:<fill>)of (?:my ?self|<self_en>)\b|\bofing "
        r"(?:my ?self|<self_en>)\b|\b(?:mezelf|mijzelf|zichzelf|(?:ik|k|hij|ze|zij) (?:<any>)"
        r"(?:me|zich)) (?:<any>)(?:dood ?schieten|dood te schieten|neer te schieten|vergiftigen|"
        r"te vergiftigen|verstikken|vergassen|laten overrijden|voor (?:de|een) (?:trein|metro|"
        r"bus) (?:gooien|werpen))\b|\b(?:<en_want>|il |wil )(?:<gap>)(?:overdose|overdosing)\b"
        r"|\b(?:ga|wil|gaat|zal|denk erover|overweeg|plan|probeer|probeerde|neem) (?:<gap>)(?:een "
        r"|n )?overdosis\b(?: (?:te )?(?:nemen|neem)\b)?",
        guarded=True,
    ),
    # "maak ik er een einde aan" (inverted, after an "als"), "dat hij er vannacht een einde aan
    # maakt": the end of a friendship or a fight names it ("met hem", "aan die ruzie").
    rule(
        "make_an_end",
        "suicide",
        r"(?:\b(?:maak|maakt|maken|maakte|maakten) (?:ik |k |hij |ze |zij |we )?(?:<fill>)(?:er|"
        r"alles) (?:<fill>)(?:<when> )?(?:<fill>)(?:een |n )?(?:eind|einde) aan\b|\ber "
        r"(?:<fill>)(?:<when> )?(?:<fill>)(?:een |n )?(?:eind|einde) aan (?:<fill>)(?:maakt|maak|"
        r"maken|maakte|gaat maken|ga maken|wil maken|zal maken|zou maken)\b|\b(?:maak|maakt|"
        r"maken) (?:ik |k |hij |ze |zij )?<me> (?:<any>)van ?kant\b|\b(?:ik|k) (?:<gap>)er "
        r"(?:(?:<fillw>|net zo goed|maar|beter|liever|bijna) ){0,4}(?:een |n )?(?:eind|einde) aan "
        r"(?:te )?(?:maken|make|brengen)\b|\b(?:ik|k) (?:heb|had) (?:er )?(?:(?:<fillw>|vannacht|"
        r"gisteren|vorige week) ){0,4}bijna (?:een |n )?(?:eind|einde) aan (?:mijn leven "
        r")?gemaakt\b)(?! (?:met|aan)\b)(?!(?: [a-z]+){0,4} (?:relatie|vriendschap|ruzie|"
        r"discussie|samenwerking|gedoe|situatie|pesterij|gezeur|gezeik|contact|chat|gesprek|app|"
        r"groep|groepsapp)\b)",
    ),
    # Farewell in so many words: "ik heb afscheid genomen van iedereen", "alvast afscheid
    # genomen", "i've said my goodbyes"; saying goodbye at the airport names a place or time.
    rule(
        "said_goodbye",
        "suicide",
        r"\b(?:alvast|stiekem|in stilte|voor (?:de )?laatste keer) afscheid (?:<any>)(?:genomen|"
        r"nemen|aan het nemen)\b|\bafscheid (?:genomen|nemen|aan het nemen) (?:van|bij) "
        r"(?:iedereen|alles|de wereld|het leven|mijn leven|de mensen die)\b|\bafscheid "
        r"genomen<end>|\b(?:said|say|saying|sad) (?:my )?(?:last |final )?goodbyes\b|\b(?:said|"
        r"say|saying) goodbye to (?:everyone|everybody|the world|life|all of you|you all)\b(?! "
        r"(?:at|in|on|before|from)\b)|\b(?:afscheids ?(?:bericht|berichtje|berichten|video|appje|"
        r"mail|post)|goodbye (?:message|text|video|post|messages|texts)) (?:<any>)(?:klaar|"
        r"klaargezet|geschreven|gestuurd|gepost|ingepland|opgenomen|written|sent|posted|scheduled|"
        r"ready|recorded)\b",
        guarded=True,
    ),
    # Final arrangements: a letter, passwords or a pet "for when I'm gone", "voor als ze me
    # vinden"; a trip names where one goes ("als ik op vakantie ben").
    rule(
        "final_arrangements",
        "suicide",
        r"(?:\b(?:brief|brieven|briefje|briefjes|wachtwoord|wachtwoorden|testament|letter|letters"
        r"|note|notes|password|passwords|pincode|afscheids\w*).{0,90}?\b(?:for when|for after|"
        r"after|when|once|voor als|voor wanneer|als|wanneer|zodra|nadat) (?:i am|i|ik) "
        r"(?:<fill>)(?:am |ben |er |be )?(?:<fill>)(?:gone|dead|weg ben|weg|dood|niet meer|no "
        r"longer (?:here|around)|not here anymore)\b|\b(?:take care of|look after|care for|feed|"
        r"zorg|zorgen|pas op|passen op|let op|letten op).{0,60}?\b(?:(?:after|nadat|once) (?:i "
        r"am|i|ik) (?:<fill>)(?:am |ben |er |be )?(?:<fill>)(?:gone|dead|weg ben|weg|dood|niet "
        r"meer|no longer (?:here|around))|(?:when|als|wanneer|voor als|zodra) (?:i am|i|ik) "
        r"(?:<fill>)(?:am |ben |er |be )?(?:<fill>)(?:dead|dood|er niet meer|niet meer|no longer "
        r"(?:here|around)|gone for god|gone forever|weg voor altijd|voorgoed weg))\b)(?! (?:for|on"
        r"|to|this|next|op|naar|met|voor|bij|in|uit|van|from|at|over|dit|deze|komend|volgende|"
        r"tijdens|during|while)\b)|\b(?:voor als|als|wanneer|zodra|when|once|for when|for "
        r"whoever|whoever) (?:ze|they|iemand|someone|somebody|mijn \w+|my \w+) (?:<fill>)(?:me|"
        r"mij|my body|mijn lichaam) (?:<fill>)(?:vinden|vindt|vind|find|finds|found)\b|\bfor "
        r"whoever finds (?:me|this|my body)\b",
        guarded=True,
    ),
    # The message for those left behind: "zeg tegen mn moeder dat het niet haar schuld is",
    # "tell my mom it wasn't her fault".
    rule(
        "not_their_fault",
        "suicide",
        r"\b(?:zeg|vertel|laat) (?:<any>)(?:tegen |aan )?(?:mijn|m|iedereen|ze|hun|haar|hem|"
        r"jullie) (?:\w+ )?(?:dat )?(?:het |t )?(?:niet|nooit) (?:haar|zijn|hun|jullie|jouw|"
        r"hun|hn) (?:<fill>)schuld (?:is|was|zal zijn)\b|\b(?:tel|let) (?:my \w+|them|everyone|"
        r"everybody|him|her|my family|my parents) (?:<far>)(?:that )?(?:it|its|this) (?:was not|"
        r"wasnt|is not|isnt|was never|is never|wil not be|wont be|not|never) (?:their|her|his|"
        r"your|anyone "
        r"s|anyones|anybodys|my \w+ s)? ?fault\b",
        guarded=True,
    ),
    # Deleting one's accounts together with a goodbye, a note or last messages.
    rule(
        "deleted_and_goodbye",
        "suicide",
        r"\b(?:" + _DELETED + r").{0,80}?\b(?:" + _FAREWELL + r")|\b(?:" + _FAREWELL + r")"
        r".{0,80}?\b(?:"
        + _DELETED
        + r")|\b(?:"
        + _FAREWELL
        + r").{0,60}?\b(?:"
        + _AT_PEACE
        + r")",
        guarded=True,
    ),
    # Who would come to my funeral: "wie zou er naar mn begrafenis komen".
    rule(
        "own_funeral",
        "suicide",
        r"\b(?:wie|who|niemand|nobody|no one|iemand|anyone|anybody) (?:<far>)(?:naar|to|op|at|"
        r"bij) (?:mijn|my) (?:eigen |own )?(?:begrafenis|uitvaart|crematie|funeral)\b",
        guarded=True,
    ),
    # Regret that an attempt failed or that one survived: "spijt dat die poging mislukt is".
    rule(
        "attempt_failed",
        "suicide",
        r"\b(?:spijt|baal|balen|jammer|helaas|regret|sucks|wish|hoped|hoopte|gehoopt|boos|kwaad|"
        r"verdrietig|sad|angry|mad|upset|hate) (?:<far>)(?:poging|attempt)\b(?! (?:om|tot|to|at|"
        r"van|of|bij|voor|in|met|op)\b) (?:<any>)(?:is |was |had )?(?:mislukt|mislukte|niet "
        r"gelukt|niet gewerkt|failed|did not work|didnt work|worked|werkte|gewerkt|gelukt|"
        r"succeeded)\b|\b(?:spijt|baal|balen|jammer|regret|sucks|wish i|boos|kwaad|verdrietig|sad|"
        r"angry|mad|upset|hate) (?:<far>)(?:overleefd|overleefde|nog leef|gered ben|survived|"
        r"surviving|still alive|(?:woke|waking) up (?:after|in the hospital)|wakker werd na "
        r"(?:die|de|mijn) (?:pillen|poging|overdosis))\b(?! (?:the|that|this|my|de|het|die|dat|"
        r"mijn) (?:exam|exams|test|week|day|party|class|semester|year|tentamen|toets|examen|dag|"
        r"feest|les|jaar)\b)",
        guarded=True,
    ),
    # A past attempt and the next one: "heeft een poging gedaan en wil het opnieuw proberen",
    # "volgende keer ga ik wel", "says next time it'll work".
    rule(
        "attempt_again",
        "suicide",
        r"\b(?:een |n )?poging (?:gedaan|ondernomen|gehad|overleefd)\b(?! (?:om|tot|te|voor|bij|"
        r"met)\b)|\b(?:brug|dak|rand|spoor|rails|flat|balkon|poging|pillen|touw|bridge|roof|edge|"
        r"ledge|tracks|attempt\w*|pills|rope|tried)\b.{0,120}?\b(?:volgende keer|next time) "
        r"(?:<any>)(?:ga ik (?:wel|echt|door)<end>|spring ik|doe ik het|lukt het|gaat het lukken|"
        r"zal het lukken|ga ik echt springen|i wil (?:do it|jump|go through)|il (?:do it|jump|go "
        r"through)|it wil work|itl work|it is going to work|i wil not fail|wil not fail)|"
        r"\b(?:tried|attempted|probeerde|geprobeerd|jumped|survived|overleefde|"
        r"overleefd)\b.{0,60}?\b(?:do it again|try again|doe het weer|het (?:weer|opnieuw) "
        r"(?:gaat |gaan |wil |zal )?(?:proberen|doen))\b",
        guarded=True,
    ),
    # A chosen date: "ik heb al een datum gekozen", "i've picked a date", "ik weet al wanneer ik
    # het ga doen"; a date "voor het feest" is a party.
    rule(
        "chosen_date",
        "suicide",
        r"\b(?:ik|k|i) (?:heb|have|had|hebben) (?:<fill>)(?:een |de |a |the |my )?(?:datum|dag|"
        r"date|day) (?:<fill>)(?:gekozen|geprikt|uitgekozen|vastgesteld|bepaald|gepland|picked|"
        r"chosen|set|planned|decided|prikt)\b(?! (?:voor|for|van|met|with|of|om|to|in|on|op)\b)|"
        r"\b(?:i|i have|i had) (?:<fill>)(?:picked|chosen|set|decided on|planned) (?:a|the|my) "
        r"(?:date|day)\b(?! (?:for|with|to|of|on|at|in)\b)|\b(?:weet|know|chose|chosen|picked|"
        r"gekozen|decided|uitgezocht|opgezocht|bedacht|gegoogled|worked out|figured out|"
        r"researched|looked up|planned) (?:<fill>)(?:wanneer|when|waar|where|hoe|how|the day|de "
        r"dag|the date|de datum) (?:ik|i) (?:am |ben )?(?:het |it )?(?:ga doen|going to do it|wil "
        r"do it|il do it|zal doen|do it)\b(?! (?:met|with|for|voor)\b)",
        guarded=True,
    ),
    # Talking about dying, or a noose, in a report about someone: "praat steeds over
    # doodgaan", "talks about dying", "heeft een strop in zijn kamer".
    rule(
        "talks_of_dying",
        "suicide",
        r"\b(?:praat|praten|praatte|talks|talking|talked|heeft het|had het|schrijft|writes|posts|"
        r"post|begint|begon) (?:<any>)(?:over|about) (?:dood ?gaan|sterven|dood willen|dood zijn|"
        r"de dood|zelf ?moord|dying(?! (?:her|his|my|their|your) hair)|wanting to die|being dead|"
        r"kiling (?:her|him|them|my)self|ending it|not being here|niet meer leven|er niet meer "
        r"zijn)\b|\b(?:strop|noose)\b (?:<any>)(?:gemaakt|geknoopt|gekocht|hangen|hangt|liggen|"
        r"ligt|klaar|in|op|aan|made|tied|hanging|in|from|ready|bought)\b",
        guarded=True,
    ),
    # "is it normal to think about killing yourself", "fantasise about killing yourself".
    rule(
        "thinks_of_killing_oneself",
        "suicide",
        r"\b(?:think|thinking|thought|thoughts|fantasi[sz]e|fantasi[sz]ing|dream|dreaming|"
        r"obses\w*) (?:<any>)(?:about|of) (?:<any>)(?:kiling|ending) (?:yourself|urself|oneself|"
        r"my ?self|your life|it al)\b|\b(?:normal|normaal|ok|okay|oke|weird|wrong|raar) (?:<any>)"
        r"(?:to |om )?(?:want to|wanting to|wanna) (?:<any>)(?:kil (?:yourself|urself|oneself|"
        r"myself)|end (?:it|your life|my life))\b|\bdood te willen(?: (?:zijn|gaan))?\b(?! "
        r"(?:hebben|maken|zien|slaan|schieten)\b)",
        guarded=True,
    ),
    # A subordinate clause is still a first-person statement: "... dat ik dood wil".
    rule(
        "dead_want_sub_nl",
        "suicide",
        r"(?<!niet )(?<!nee )\b(?:dat|omdat|want|als|of) (?:ik|k) (?:<gap>)dood (?:zijn |gaan )?"
        r"(?:wil|wou|wilde)\b",
    ),
    # Sleep forever, without "wake": "kon ik maar voor altijd in slaap vallen".
    rule(
        "sleep_forever",
        "suicide",
        r"\b(?:voor altijd|voorgoed|eeuwig) (?:<fill>)(?:in slaap (?:vallen|val|te vallen)|"
        r"inslapen|in te slapen)\b|\bin slaap (?:vallen|val) (?:en|and) (?:<fill>)(?:nooit|niet) "
        r"(?:meer )?wakker\b|\bfall asleep (?:and|&) (?:<fill>)(?:never|not) wake up\b",
        guarded=True,
    ),
    # Everything to stop for good, oneself included.
    rule(
        "all_stop_forever",
        "suicide",
        r"\b(?:alles|everything|it al|het allemaal|al of it) (?:<any>)(?:voorgoed|voor altijd|"
        r"forever|for god|permanently) (?:<fill>)(?:stopt|stop|ophoudt|ends|end|eindigt|over is"
        r"|over)\b|\b(?:alles|everything|it al|het allemaal|al of it) (?:<any>)(?:stopt|stop|"
        r"ophoudt|ends|end|eindigt|to stop|to end) (?:<fill>)(?:voorgoed|voor altijd|forever|"
        r"for god|permanently)\b",
        guarded=True,
    ),
    # On the verge: "ik stond op het punt om te springen", "one step and it's over".
    rule(
        "on_the_verge",
        "suicide",
        r"\b(?:op het punt|about|so close|close|bijna) (?:<any>)(?:om |to )?(?:te )?(?:springen|"
        r"spring|gesprongen|jump|jumping|end it|ending it|kil myself|kiling myself|er een eind "
        r"aan te maken)\b(?! (?:in|into|het water|the water|the pool|of joy|van (?:blijdschap|"
        r"vreugde|geluk|plezier))\b)|\b(?:een|1|one|één) (?:stap|step|stapje|sprong|jump)\b "
        r"(?:<any>)(?:en|and) "
        r"(?:het is|ik ben|its|it is|i am|i would be|it would be|het zou) (?:<fill>)(?:voorbij|"
        r"weg|klaar|over|gone|done|dood|dead|afgelopen)\b",
        guarded=True,
    ),
    # Thinking about one's own dying, not about death as a topic: "denk alleen maar aan
    # doodgaan", "i keep thinking about dying".
    rule(
        "thinks_of_dying",
        "suicide",
        r"\b(?:denk|denkt|dacht|denken|pieker|piekerde|fantaseer|droom) (?:<any>)(?:aan|over) "
        r"(?:dood ?gaan|sterven|dood zijn|mijn (?:eigen )?dood|niet meer leven|niet meer bestaan|"
        r"er niet meer zijn|niet meer wakker worden)\b|\b(?:think|thinking|thought|fantasi[sz]\w*|"
        r"dream\w*|obses\w*) (?:<any>)(?:about|of) (?:dying|being dead|not being alive|not "
        r"existing|my (?:own )?death|my (?:own )?funeral)\b(?! (?:my|her|his|their|your) hair)",
        guarded=True,
    ),
    # The moment has come: "vandaag is de dag ... sorry iedereen", "ik ga het vanavond doen,
    # niemand kan me tegenhouden", "alles ligt klaar, ik wacht op het goede moment".
    rule(
        "final_moment",
        "suicide",
        r"\b(?:"
        + _MOMENT
        + r").{0,80}?\b(?:"
        + _LAST_WORDS
        + r")|\b(?:"
        + _LAST_WORDS
        + r").{0,80}?\b(?:"
        + _MOMENT
        + r")|\b(?:"
        + _DO_IT_NOW
        + r").{0,80}?\b(?:"
        + _UNSTOPPABLE
        + r")|\b(?:"
        + _UNSTOPPABLE
        + r").{0,80}?\b(?:"
        + _DO_IT_NOW
        + r")|\b(?:alles|everything|het|it al) (?:<fill>)(?:klaar ?liggen|klaar ?ligt|klaar|"
        r"ready|prepared|geregeld|set)\b.{0,60}?\b(?:wacht|wachten|waiting|wait) (?:<any>)(?:op|"
        r"for|tot|until) (?:het |de |the )?(?:goede |juiste |right |perfect |perfecte )?(?:moment|"
        r"time|dag|day)\b",
        guarded=True,
    ),
    # Everything to end: "i just want everything to end", "ik wil dat alles ophoudt".
    rule(
        "want_all_to_end",
        "suicide",
        r"\b(?:<en_want>|want|wish|wil|wou|wilde|hoop|hope) (?:<fill>)(?:that |dat "
        r")?(?:everything|it al|al of it|alles|het allemaal|my life|mijn leven) (?:<fill>)(?:to |"
        r"would |zou |gewoon |kon )?(?:end|ends|ended|be over|stop|stops|ophoudt|ophoud|stopt|"
        r"voorbij is|eindigt|afgelopen is|ophouden|stoppen|eindigen)\b(?! (?:with|met|for|voor|at|"
        r"in|on|op|here|hier|wel|well|soon|snel)\b)",
        guarded=True,
    ),
    # A method on one's mind: "thinking about driving off the bridge", "taking all my pills
    # tonight", "denk erover om al mijn pillen te nemen", "ik ga ze allemaal innemen".
    rule(
        "method_thoughts",
        "suicide",
        r"\b(?:thinking|thought|think|considering|consider|planning|plan|fantasi[sz]\w*|"
        r"dream\w*|going|want|wanted|about) (?:<any>)(?:about |of |to |on )?(?:driving (?:<any>)"
        r"(?:of|off|into) (?:a |the )?(?:bridge|cliff|tree|wal|river|canal|traffic)|crashing "
        r"(?:my|the) car|walking into traffic|stepping in front of|jumping (?:of|off|from|in front"
        r" of)|tak(?:e|ing) (?:al|every|a bunch of|too many|al of) (?:<any>)(?:pills|meds|tablets"
        r"|sleeping pills)\b(?!.{0,40}\b(?:doctor|prescri\w*|infection|antibiotic\w*)\b)|"
        r"overdosing|hanging myself|sliting my (?:wrists|throat)|drowning "
        r"myself|ending (?:it|my life))\b|\b(?:denk|dacht|denken|overweeg|overwoog|plan|wil|ga|"
        r"gaat|zal) (?:<far>)(?:om )?(?:<far>)(?:al mijn|alle|al m|mijn hele|een hele|ze "
        r"allemaal|allemaal|een doos|een pot) (?:<any>)(?:pillen |medicijnen |tabletten |"
        r"slaappillen )?(?:in ?te nemen|te slikken|innemen|in nemen|slikken|nemen|op te eten)\b"
        r"(?!(?: [a-z]+){0,3} (?:voor|tegen|bij|zoals|volgens) )(?!.{0,40}\b(?:doctor|dokter|arts|"
        r"prescri\w*|voorgeschreven|infection|antibiotic\w*)\b)",
        guarded=True,
    ),
    # Out of this life, said plainly: "weg uit dit leven", "uit het leven stappen".
    rule(
        "leave_this_life",
        "suicide",
        r"\b(?:weg uit|stappen uit|stap uit|ontsnappen uit|weg van) (?:dit|het|mijn) leven\b|"
        r"\buit (?:het|dit|mijn) leven (?:<fill>)(?:stappen|stap|gaan|te stappen|wil stappen)\b|"
        r"\b(?:out of|leave) this (?:life|world)\b(?! (?:of|for)\b)",
    ),
    # The last day: "dit is mijn laatste dag", "dat dit haar laatste dag is"; a last day at a
    # job names the place or goes on.
    rule(
        "last_day",
        "suicide",
        r"\b(?:dit|vandaag|today|this|het) (?:<fill>)(?:is |wordt |wil be |is going to be )?"
        r"(?:<fill>)(?:mijn|haar|zijn|my|her|his|m) (?:<fill>)(?:laatste|last) (?:dag|day)(?: "
        r"(?:is|wordt))?<end>|\b(?:my|her|his|mijn|haar|zijn) (?:laatste|last) (?:dag|day) "
        r"(?:alive|on earth|ever|on this earth|op aarde|op deze wereld|in leven)\b",
        guarded=True,
    ),
    # Giving up on life or the fight: "ik geef het op, ook met het leven", "i'm giving up on
    # life", "ik ben het vechten moe", "i can't keep fighting anymore".
    rule(
        "give_up_fight",
        "suicide",
        r"\b(?:geef|gaf|opgegeven|opgeven|give|giving|gave|given) (?:<far>)(?:op |up )?(?:met |on "
        r"|up on )?(?:het leven|mijn leven|dit leven|life|living|myself|mezelf)\b(?! (?:as|als|"
        r"for|voor|to|aan)\b)|\b(?:moe|zat|beu|tired|sick) (?:<any>)(?:van |of )?(?:het "
        r")?(?:vechten|fighting|te vechten|to fight)\b(?! (?:met|with|about|over|tegen (?:mijn|de|"
        r"die)|for)\b)|\b(?:vechten|fighting|strijd) (?:<fill>)(?:moe|beu|zat)\b|\b(?:can not|wil "
        r"not|do not want to|wil (?:niet|nie)|kan (?:niet|nie)) (?:<fill>)(?:meer |keep |langer "
        r")?(?:er (?:meer )?tegen )?(?:fighting|fight|vechten|te vechten)(?: (?:it|this|anymore|"
        r"any more|meer|ertegen)){0,3}<end>|\b(?:wil|kan) (?:er )?(?:<fill>)(?:niet|nie) (?:meer |"
        r"langer )(?:er )?(?:tegen |ertegen )?(?:vechten|te vechten)\b(?! (?:met|tegen|voor|om|"
        r"over)\b)|\b(?:no|geen) (?:strength|kracht|energie|energy) (?:<any>)(?:to fight|om te "
        r"vechten|om door te gaan|to keep going|to go on)\b",
        guarded=True,
    ),
    # Rest or sleep for ever, and logging out of life: "ik wil eeuwige rust", "i want to rest
    # forever", "ik wil uitloggen uit het leven", "wish life had a quit button".
    rule(
        "rest_forever",
        "suicide",
        r"\beeuwige (?:rust|slaap)\b|\brust (?:<fill>)(?:voor altijd|voorgoed|for ever|forever)\b"
        r"|\b(?:rest|sleep) (?:<fill>)(?:forever|for ever|permanently|for god)\b(?! (?:after|"
        r"this|on|in|at|when)\b)|\b(?:uitloggen|uit loggen|log out|logout|log of|quit|rage ?quit|"
        r"afsluiten|shut down|unsubscribe|opt out|uitschrijven|delete myself|mezelf verwijderen|"
        r"mezelf deleten) (?:<any>)(?:uit |from |of |van )?(?:het leven|this life|life|dit leven|"
        r"het bestaan|existence|existing)\b|\b(?:quit|exit|off|reset|stop|uit|stopknop|uitknop)"
        r" ?(?:button|knop) (?:<any>)(?:for |on |in |voor |op )?(?:life|het leven|my life|mijn "
        r"leven)\b|\b(?:life|het leven) (?:<any>)(?:quit|exit|off|reset|uit|stop) ?(?:button|"
        r"knop)\b|\bgame over (?:voor mij|for me)\b(?! (?:in|bij|op|at|on)\b)|\b(?:stop|kap) "
        r"(?:ik |k )?(?:ermee|er mee|hiermee)? ?(?:<fill>)met alles<end>",
        guarded=True,
    ),
    # No future self: "ik zie mezelf geen 25 worden", "i can't see myself living past 20",
    # "there's no future for me"; a future with him or in a job is about that.
    rule(
        "no_future_self",
        "suicide",
        r"(?:\bzie (?:ik )?(?:mezelf|mijzelf) (?:<fill>)(?:geen|nooit|niet) (?:<fill>)(?:[0-9]{2}|"
        r"oud|ouder|volwassen|dertig|twintig) (?:<fill>)(?:worden|jaar worden)\b|\b(?:can not|do "
        r"not|never|can ?t) (?:<fill>)(?:see|imagine|picture) (?:<fill>)myself "
        r"(?:<fill>)(?:living|being alive|alive|getting|growing|making it|reaching|turning|"
        r"surviving|being around) (?:<fill>)(?:past|to|beyond|until|til|old|older|[0-9]{2})\b|"
        r"\b(?:no|not see a|not see any|do not have a|do not have any|have no|there is no) future "
        r"(?:for me|for myself|left for me|ahead of me|anymore|at al)\b|\b(?:ik|k) (?:heb|zie) "
        r"(?:<fill>)geen (?:enkele )?toekomst(?: meer| voor mij| voor mezelf)?\b)(?! (?:with|met|"
        r"in|bij|op|als|as|here|hier|there|daar|at (?:this|that|the|my|work|school))\b)",
        guarded=True,
    ),
    # Joining the dead: "ik ga snel naar opa in de hemel", "wait for me up there", "ik wil bij
    # mijn overleden moeder zijn".
    rule(
        "join_the_dead",
        "suicide",
        r"\b(?:naar|bij|with|join|see) (?:mijn |m |my )?(?:overleden|dode|late|dead|deceased) "
        r"(?:opa|oma|moeder|vader|mama|papa|mam|pap|broer|zus|vriend|vriendin|mom|mum|dad|grandma|"
        r"grandpa|brother|sister|friend|nan|nana)\b|\b(?:ga|kom|wil|ben|see you|be with you|join "
        r"you|coming) (?:<far>)(?:in de hemel|daarboven|up there|in heaven|on the other side|aan "
        r"de andere kant)\b|\bwait for me (?:up there|in heaven|on the other side)\b|\bwacht op "
        r"(?:me|mij) (?:daarboven|in de hemel)\b",
        guarded=True,
    ),
    # Forgiveness for what one is about to do: "ik hoop dat god me vergeeft voor wat ik ga
    # doen", "forgive me for what i'm about to do".
    rule(
        "forgive_what_i_do",
        "suicide",
        r"\b(?:vergeeft|vergeven|vergeef|forgives|forgive|forgiven) (?:<any>)(?:me|mij)? "
        r"?(?:<any>)(?:voor|for) (?:wat|what) (?:ik|i) (?:am )?(?:<fill>)(?:ga doen|going to do|"
        r"about to do|zal doen|wil do|il do|do next|straks doe|nu doe|ga aandoen)\b|\b(?:god|"
        r"allah|jezus|jesus|de heer|the lord) (?:<fill>)(?:vergeeft|forgives|forgive|zal vergeven|"
        r"wil forgive) (?:me|mij) (?:<fill>)(?:hopelijk |hopefuly )?(?:als|if|wanneer|when) (?:ik|"
        r"i) (?:<any>)(?:er een eind|er een einde|het doe|do it|mezelf|myself|dood|kil)",
        guarded=True,
    ),
    # Not lasting much longer: "ik hou het niet lang meer vol", "i won't last much longer".
    rule(
        "not_last_longer",
        "suicide",
        r"\b(?:hou|houd) (?:het|t) (?:<fill>)(?:niet|nie) (?:lang|veel langer|langer) (?:meer "
        r")?vol\b|\btrek (?:het|t|dit) (?:<fill>)(?:niet|nie) (?:lang|langer) meer\b|\b(?:wil not|"
        r"can not) (?:<fill>)(?:last|hold on|hang on|keep going|survive|make it) "
        r"(?:<fill>)(?:much |any |a lot )?longer\b(?! (?:at|in|here|without|zonder|on|for|"
        r"with)\b)|\bcan not (?:do|take) (?:it|this) (?:anymore|any more)\b.{0,40}?\b(?:want|wish|"
        r"need) (?:it|this|everything) (?:<fill>)(?:to )?(?:be over|end|stop)\b",
        guarded=True,
    ),
    # Ending one's suffering; a will written young; a favour to all by disappearing; "it should
    # have been me"; "a waste of oxygen".
    rule(
        "end_suffering",
        "suicide",
        r"\b(?:end|ending|stop) (?:<fill>)(?:my|the|this) (?:own )?(?:suffering|misery)\b|"
        r"\b(?:einde|eind) (?:<any>)aan (?:mijn|dit|het|m) (?:<fill>)(?:lijden|ellende)\b|\bmijn "
        r"(?:lijden|ellende) (?:<fill>)(?:beeindigen|stoppen|be eindigen)\b",
        guarded=True,
    ),
    rule(
        "wrote_will",
        "suicide",
        r"\b(?:wrote|written|made|writing|make|schreef|geschreven|opgesteld|opstellen|schrijven|"
        r"maken|gemaakt|maak|schrijf) (?:<any>)(?:mijn|my|een|a|m) (?:last )?(?:testament|will)\b"
        r"(?! (?:be|to|not|never|is|power)\b)|\b(?:mijn|my) (?:last )?(?:testament|will) (?:is )?"
        r"(?:<fill>)(?:geschreven|opgesteld|gemaakt|klaar|written|ready|done)\b(?!.{0,40}\b(?:vak|"
        r"les|opdracht|school|class|homework|assignment|burgerschap|project)\b)",
        guarded=True,
    ),
    rule(
        "favour_if_gone",
        "suicide",
        r"\b(?:doe|doen|doing|do|did) (?:<any>)(?:iedereen|everyone|everybody|the world|de wereld|"
        r"jullie|you al|my family|mijn familie|mijn ouders|my parents) (?:een |a )?(?:plezier|"
        r"favor|favour|dienst)\b.{0,40}?\b(?:als ik|if i|by|door|wanneer ik|when i) (?:<fill>)"
        r"(?:verdwijn|verdwijnen|dood|sterf|weg|er niet meer|disappear\w*|died|die|dying|kil\w*|"
        r"was gone|am gone|gone|ending|end it|niet meer besta|stoped existing|leaving this world)",
        guarded=True,
    ),
    rule(
        "should_be_dead",
        "suicide",
        r"\b(?:ik had|i should have|i should of|ik zou) (?:<fill>)(?:beter )?(?:dood moeten "
        r"(?:gaan|zijn)|died|dood moeten|moeten sterven|moeten doodgaan)\b|\bi should be dead\b|"
        r"\b(?:it|het) (?:should have|should of|had) (?:<fill>)(?:been|moeten zijn) (?:me|mij|ik)"
        r"\b.{0,30}?\b(?:died|dood|instead|in plaats|ipv|not (?:him|her|them))",
        guarded=True,
    ),
    rule(
        "waste_of_air",
        "suicide",
        r"\b(?:i am|ik ben|i feel like|voel me) (?:<fill>)(?:such )?(?:a |een )?(?:waste of "
        r"(?:space|oxygen|air|life)|verspilling van (?:zuurstof|ruimte|lucht)|zonde van de "
        r"zuurstof)\b(?! (?:at|in|on|bij|op|tijdens|during|when|als)\b)",
        guarded=True,
    ),
    # Access to means and the thought: "ik weet waar mijn vader zijn pistool bewaart en ik denk
    # erover na", "i keep staring at the pills in my drawer".
    rule(
        "means_in_mind",
        "suicide",
        r"\b(?:weet|know) (?:<any>)(?:waar|where) (?:<far>)(?:pistool|wapen|geweer|gun|pills|"
        r"pillen|slaappillen|medicijnen|rope|touw|knives|messen)\b.{0,60}?\b(?:denk|think|"
        r"thinking|overweeg|considering|tempted|waarom niet|why not|het doen|do it|keep)\b|"
        r"\b(?:(?:kijk|staar|stare|look) (?:<fill>)(?:steeds|de hele tijd|constant|vaak|again)|"
        r"(?:keep|kep) (?:looking|staring)|staring|(?:kijk|staar) (?:<any>)naar (?:de |die |mijn "
        r")?(?:pillen|medicijnen|slaappillen|mes|messen|touw|mesje|scheermesje|pistool|brug|rails|"
        r"spoor)\b.{0,30}?\b(?:en denk|waarom niet|denk ik|tempted|why not)) (?:<any>)(?:naar |at "
        r")?(?:de |die |mijn |the |my |those |a |these |dat |that )?(?:pillen|pills|meds|"
        r"medicijnen|slaappillen|mes|messen|knife|knives|touw|rope|blade|blades|mesje|scheermesje|"
        r"pistool|gun|brug|bridge|rails|tracks|spoor)\b",
        guarded=True,
    ),
    # Thinking of jumping into water: "ik sta bij het water en denk erover om erin te springen".
    rule(
        "water_jump",
        "suicide",
        r"\b(?:water|river|rivier|gracht|canal|vecht|zee|sea|lake|meer|kanaal|brug|bridge|haven|"
        r"harbour|pier)\b(?!.{0,100}\b(?:with friends|met vrienden|warm|lekker|swim\w*|zwem\w*|"
        r"afkoel\w*|cool of|fun|leuk|zomer|summer)\b).{0,60}?\b(?:denk|dacht|think|thinking|"
        r"thought|overweeg|considering|"
        r"tempted|wil|want|zin)\b.{0,30}?\b(?:springen|spring|jump|jumping)(?: in| erin| into)?\b"
        r"|\b(?:om|to) (?:erin|er in|in het water|in de (?:gracht|rivier|vecht|zee)) (?:te )?"
        r"springen\b(?!.{0,30}\b(?:zwemmen|swim|afkoelen|cool|zomer|summer|warm|lekker)\b)",
        guarded=True,
    ),
    # Goodbye "just in case": "ik zeg iedereen alvast gedag, voor het geval dat".
    rule(
        "goodbye_in_case",
        "suicide",
        r"\b(?:gedag|dag|doei|bye|goodbye|godbye|afscheid)\b.{0,50}?\b(?:voor het geval dat|voor "
        r"de zekerheid|just in case|in case i (?:do not|dont|am not|wont|wil not|never))\b(?! "
        r"(?:i )?(?:(?:do not|dont|wil not|am not|ik (?:je|jullie|u) niet) )?(?:see|catch|talk|"
        r"zie|spreek)\b)",
        guarded=True,
    ),
    # Not needing one's things soon: "gave my cat away, won't need any of it soon", "heb het
    # straks toch niet meer nodig".
    rule(
        "no_need_soon",
        "suicide",
        r"\b(?:wil not|am not going to|do not|dont) (?:<fill>)(?:be )?(?:need|needing) (?:it|them|"
        r"any of it|anything|any of this|my \w+|this|that) (?:<fill>)(?:soon|where i am going|"
        r"after (?:tonight|today|this week)|much longer|for (?:much )?long(?:er)?)\b(?! "
        r"(?:because|since|cause|as|now that|after|when|in)\b)|\b(?:heb|hebt|heeft) (?:het|ze|die|"
        r"dat|hem|dit|alles) (?:<fill>)(?:straks|binnenkort|na vanavond|na dit weekend|toch) "
        r"(?:<fill>)(?:niet|nie) (?:meer )?nodig\b(?!.{0,40}\b(?:want|omdat|ik (?:koop|heb|krijg|"
        r"ga)|nieuwe|verhuis\w*|nieuw)\b)",
        guarded=True,
    ),
    # Never to be seen again: "jullie zien me niet meer terug", "you'll never see me again".
    rule(
        "never_see_me_again",
        "suicide",
        r"\b(?:jullie|je|ze|niemand|iedereen|you|you al|nobody|no one|everyone) (?:<fill>)(?:zien|"
        r"ziet|zal zien|wil see|wil ever see|see|gaat zien|gaan zien) (?:me|mij) "
        r"(?:<fill>)(?:nooit|niet|never|not)? ?(?:meer|ever|again|ooit) ?(?:terug|again|"
        r"meer)?\b(?!.{0,40}\b(?:verhuis\w*|moving|move|vakantie|holiday|vacation|reis|trip|"
        r"abroad|buitenland|uitwisseling|exchange|stage|internship|op school|at school|in de les|"
        r"in class|online)\b)|\bthis is (?:my|the) last (?:stream|game|post|video|message|"
        r"text)\b(?: ever)?<end>|\b(?:mijn|m) laatste (?:game|stream|post|video) ooit\b",
        guarded=True,
    ),
    # Decided: "ik heb het besloten ... naar de brug", "i've made up my mind, i'm ending it",
    # "besloten dat ik het ga doen dit weekend".
    rule(
        "decided_to_do_it",
        "suicide",
        r"(?:\b(?:besloten|beslist|made up my mind|decided|my mind is made up|besluit staat vast|"
        r"mijn besluit)\b.{0,80}?\b(?:ga (?:ik )?het (?:<fill>)<when> doen|(?:ga (?:ik )?het|ik "
        r"het|i am) (?:<fill>)(?:doen|ga doen|going to do it|doing it) (?:<fill>)<when>|<when> "
        r"(?:<fill>)(?:doe ik het|ik het doe|i am doing it|i do "
        r"it|i am ending it|ending it)|naar de (?:brug|flat|spoor|rails|dom|toren)|to the "
        r"(?:bridge|tracks|roof)|ending it|end it al|er een (?:eind|einde) aan|mezelf|myself)\b|"
        r"\b(?:naar de (?:brug|flat|spoor|rails)|to the (?:bridge|tracks|"
        r"roof))\b.{0,40}?\b(?:besloten|decided|made up my mind)\b|\b(?:i am|im) ending it\b(?! "
        r"(?:with|met)\b))(?!.{0,40}\b(?:koop|kopen|buy|stop met|quit|verhuis\w*|move|moving|"
        r"solliciteer|apply|vragen|ask|tattoo|haar|hair|marathon|studie|study|baan|job)\b)",
        guarded=True,
    ),
    # The world fine without me in it: "the world would be fine without me in it".
    rule(
        "fine_without_me",
        "suicide",
        r"\b(?:the world|de wereld|everyone|everybody|iedereen|my family|mijn familie|they|ze) "
        r"(?:<any>)(?:fine|okay|ok|good|better|prima|goed|beter|beter af|happier|blijer) "
        r"(?:<fill>)(?:without|zonder) (?:me|mij)(?: (?:in it|erin|around|here|hier|in de "
        r"buurt))?\b(?! (?:this|next|tonight|today|at|on|in (?:the|class|school)|for|deze|"
        r"volgende|vanavond|vandaag|op|bij|voor)\b)",
        guarded=True,
    ),
    # "Liever een dode zoon dan een homo zoon ... hem zijn zin geven".
    rule(
        "give_them_a_dead_child",
        "suicide",
        r"\b(?:dode|dead) (?:zoon|dochter|kind|son|daughter|child|kid)\b.{0,90}?\b(?:zin geven|"
        r"give (?:them|him|her) what (?:they|he|she) (?:want|wants)|krijgen wat ze willen|dan "
        r"krijgen ze|maybe i (?:should|wil|il)|misschien (?:moet|ga|doe) ik)",
        guarded=True,
    ),
    # Praying to be taken, or to not wake up: "ik bid dat god me komt halen", "i pray that i
    # won't wake up", "hoop dat mijn hart er een keer mee stopt".
    rule(
        "pray_to_be_taken",
        "suicide",
        r"\b(?:bid|bidt|bad|pray|praying|prayed|hoop|hope|wish|wens) (?:<far>)(?:dat |that "
        r")?(?:god|allah|jezus|jesus|he|hij|de heer|the lord) (?:<fill>)(?:me|mij) "
        r"(?:<fill>)(?:komt halen|haalt|weg haalt|weghaalt|wegneemt|takes|take|wil take|comes for|"
        r"tot zich neemt|bij zich haalt)\b|\b(?:hope|hoping|pray|praying|wish|wishing|hoop|hopen|"
        r"bid) (?:<far>)(?:that |dat )?(?:i|ik) (?:<fill>)(?:wil not|do not|never|dont|niet|nooit|"
        r"nie) (?:<fill>)(?:meer )?(?:wake up|wakker (?:word|worden|wordt))\b(?! (?:late|early|"
        r"too|so|before|in time|on time|te laat|vroeg|op tijd|te vroeg|sick|il|ill|hungover|with|"
        r"tired|moe|ziek|met|again|meer)\b)|\b(?:hoop|hope|wish|wens) (?:<far>)(?:dat |that "
        r")?(?:mijn|my) (?:hart|heart) (?:<fill>)(?:er )?(?:een keer |op een dag |one day |just "
        r")?(?:mee )?(?:stopt|ophoudt|stops|gives out|gives up|wil stop|zal stoppen)\b",
    ),
    # Not minding death: "ik zou het niet erg vinden als ik niet meer wakker werd", "i wouldn't
    # care if a car hit me", "if i take too much one day, so be it".
    rule(
        "would_not_mind_dying",
        "suicide",
        r"\b(?:" + _INDIFFERENT + r") (?:<far>)(?:if|als|wanneer|whether|when) (?:i|ik|a car|een "
        r"auto|something|iets|a bus|een bus|a truck|een vrachtwagen) (?:<far>)(?:do not wake|did "
        r"not wake|never wake|niet (?:meer )?wakker|died|die|dood|doodging|dood ging|dood ga|"
        r"sterf|stierf|hit me|hits me|raakt|aanrijdt|overreed|overleef|survive|te veel neem|take "
        r"too much|took too much|overdose|od|never woke up|was gone|er niet meer)\b|\b(?:if|als) "
        r"(?:i|ik) (?:<far>)(?:take too much|te veel neem|do not wake up|niet meer wakker|die|"
        r"dood ga|overdose)\b(?! (?:coffee|koffie|sugar|suiker|caffeine|cafeine|food|eten|candy|"
        r"snoep|my hair|mijn haar)\b).{0,30}?\b(?:so be it|het zij zo|who cares|wat maakt het uit|"
        r"boeit niet|whatever|jammer dan|prima)\b",
        guarded=True,
    ),
    # One last time, and then it is done: "nog één keer naar zee en dan is het goed".
    rule(
        "one_last_time",
        "suicide",
        r"\b(?:nog (?:een|1|één) keer|one last time|for the last time|voor de laatste "
        r"keer)\b.{0,50}?\b(?:en dan|and then) (?:<fill>)(?:is het (?:<fill>)(?:goed|klaar|over|"
        r"voorbij|genoeg)|ben ik (?:weg|klaar|er klaar voor)|kan ik gaan|mag ik gaan|i am ready|"
        r"it is over|it is done|i can go|i am gone)<end>",
        guarded=True,
    ),
    # Already gone, only the act is left: "ik moet het alleen nog afmaken", "finish the job".
    rule(
        "finish_the_job",
        "suicide",
        r"\b(?:ben (?:er )?(?:<fill>)(?:al )?(?:niet meer|dood)|already dead|dead inside|(?:mijn "
        r")?leven is (?:<fill>)(?:al )?voorbij|my life is (?:<fill>)(?:already )?over|i am "
        r"(?:already )?gone)\b.{0,60}?\b(?:afmaken|af te maken|finish (?:it|the job)|officieel "
        r"maken|make it official|uitvoeren)\b",
        guarded=True,
    ),
    # The last reason to stay: "i'm only still here because of my dog", "de enige reden dat ik
    # nog leef", "if it weren't for my mom i'd be gone already", "running out of reasons".
    rule(
        "last_reason",
        "suicide",
        r"\b(?:only|alleen|enige reden|only reason)\b.{0,30}?\b(?:still here|nog hier|nog leef|"
        r"still alive|er nog ben|nog besta|still around)\b|\b(?:still here|nog hier|still alive|"
        r"nog leef|still around) (?:<any>)(?:only )?(?:because of|for|voor|vanwege|omwille van|"
        r"dankzij)\b.{0,40}?\b(?:anders|otherwise|or else|if not)\b|\b(?:if it (?:was not|were "
        r"not|wasnt|werent) for)\b.{0,40}?\b(?:id|i would|i wil|i might) (?:<fill>)(?:be|have|not "
        r"be) (?:<fill>)(?:gone|dead|here|done it|kiled myself|ended it)\b|\b(?:als (?:<any>)er "
        r"niet (?:was|waren)|zonder (?:mijn|haar|hem|m) (?:\w+ )?)\b.{0,30}?\b(?:was|zou|had) ik "
        r"(?:<fill>)(?:al lang |allang |er )?(?:weg|dood|er niet meer|niet meer hier|niet meer "
        r"geweest|het gedaan|mezelf)\b|\b(?:running out of|no more|geen) (?:<any>)(?:reasons|"
        r"redenen) (?:to |om )(?:<fill>)(?:stay|live|keep going|go on|be here|te blijven|te leven|"
        r"door te gaan)\b(?! (?:in|at|with|bij|op|hier in)\b)",
        guarded=True,
    ),
    # "Something stupid" as a euphemism, with fear or a time: "ik ben bang dat ik vanavond iets
    # doms ga doen", "before i do something i can't take back".
    rule(
        "something_stupid",
        "suicide",
        r"\b(?:bang|scared|afraid|voordat|before|anders|or else|might|misschien|kan|could|ga|"
        r"going to|am going to|wil)\b.{0,30}?\b(?:(?:do|doing) something (?:really )?(?:stupid|"
        r"dumb|drastic)|(?:iets (?:heel )?(?:doms|stoms|onherroepelijks|drastisch)|something "
        r"(?:really )?(?:stupid|dumb|drastic)) (?:<fill>)(?:ga |zal |ik )?(?:doen|doe|do|does)|"
        r"something (?:i can not take back|i can not undo|irreversible))\b(?! (?:met|with|to my "
        r"hair|met mijn haar|op|at|in)\b)",
        guarded=True,
    ),
    # No more worrying about me, never hearing from me again.
    rule(
        "no_more_worry",
        "suicide",
        r"\b(?:hoeven|hoeft|hoef) (?:<any>)geen zorgen meer (?:<any>)(?:om|over) (?:mij|me) te "
        r"maken\b|\b(?:wil not|wont|do not|dont|never|no longer) (?:<fill>)(?:have to|need to|"
        r"gona have to) worry about me (?:<fill>)(?:anymore|ever again|again|much longer|"
        r"soon)\b(?!.{0,40}\b(?:job|baan|found|gevonden|house|huis|room|kamer|money|geld|better|"
        r"beter)\b)|\b(?:laatste keer dat (?:je|jullie|u|iemand) (?:<any>)(?:van (?:me|mij) hoort|"
        r"van (?:me|mij) hoor|me ziet|me spreekt)|last time (?:you|youl|you al|anyone) (?:wil "
        r")?(?:hear from me|see me|hear me|talk to me))\b(?! (?:complain|klagen|zeuren|over)\b)",
        guarded=True,
    ),
    # Ways to die, researched: "ik heb manieren opgezocht om dood te gaan".
    rule(
        "ways_to_die",
        "suicide",
        r"\b(?:manieren|manier|methodes|methode|ways|methods) (?:<any>)(?:om |to )?(?:dood te "
        r"gaan|te sterven|zelfmoord te plegen|er een eind aan te maken|mezelf te doden|mezelf van "
        r"kant|die|kil (?:myself|yourself|urself)|end it|end my life|comit suicide)\b(?! (?:in|"
        r"bij|op) (?:minecraft|de game|the game|fortnite|roblox|sims)\b)",
        guarded=True,
    ),
    # The only way out: "death is the only way out", "de enige uitweg voor mij".
    rule(
        "only_way_out",
        "suicide",
        r"\b(?:the only|de enige|only|enige) (?:way out|uitweg|escape|ontsnapping)(?:<end>| "
        r"(?:<fill>)(?:for me|voor mij|left|over|(?:is |was )?(?:<fill>)(?:to die|dood|death|"
        r"dying|die|sterven|zelfmoord|suicide|mezelf|myself))\b)|\b(?:dood|death|dying|sterven|"
        r"zelfmoord|suicide)\b (?:<any>)(?:the only|de enige|only|enige) (?:way out|uitweg|escape|"
        r"ontsnapping|option|optie|oplossing|solution)\b",
        guarded=True,
    ),
    # Taking everything in the house tonight; not a burden for much longer.
    rule(
        "take_everything",
        "suicide",
        r"\b(?:neem|take|slik|swallow|il take) (?:<fill>)(?:<when> )?(?:<fill>)(?:alles|"
        r"everything) (?:in )?(?:<fill>)(?:wat|that|i have|ik heb|in huis|in the "
        r"house)\b.{0,30}?\b(?:in huis|heb|have|vind|find|can find|kan vinden)\b(?! (?:mee|"
        r"with)\b)|\b(?:not going to be|wil not be|no longer be) (?:a |een )?(?:burden|problem|"
        r"probleem|last) (?:<fill>)(?:for )?(?:much longer|for long|anymore|"
        r"soon)\b(?!.{0,40}\b(?:contract|job|project|team|class|school)\b)",
        guarded=True,
    ),
    # Plain plans without a place: "ik ga springen", "i'm going to jump, i'm done", "ik neem
    # vanavond al mijn pillen in", "ik schiet mezelf door mijn kop", "ik maak mezelf af".
    rule(
        "plain_plan",
        "suicide",
        r"\b(?:ga|gaat|wil|zal) (?:(?:<fillw>|vanavond|vannacht|morgen|zo) ){0,4}springen\b"
        r"(?! (?:op|in|over|van|vanaf|met|bij|naar|uit|voor|onder|als|touw|trampoline)\b)"
        r"|\b(?:going to|gona|"
        r"about to|il|wil|ready to) (?:<fill>)jump\b(?! (?:in|into|on|of|from|to|at|over|the|a|"
        r"rope|ship|start|scare|up|around|right|high|back)\b)|\b(?:neem|slik|take|taking|swallow|"
        r"il take|am taking) (?:<fill>)(?:<when> )?(?:<fill>)(?:al mijn|alle|al m|mijn hele|een "
        r"hele|al my|al of my|al the|every one of my|the whole) (?:<any>)(?:pillen|medicijnen|"
        r"tabletten|slaappillen|pills|meds|tablets|sleeping pills|strip|bottle|pot)\b(?: in)?"
        r"(?: (?:<fill>)(?:<when>|tegelijk|at once|in een keer|in 1 keer|at the same time))?"
        r"(?:<end>|(?= (?:<when>|tegelijk|at once|in een keer|in 1 keer|at the same time)\b))|\b"
        r"(?:schiet|schieten|rij|rijd) (?:ik |k )?<me> (?:<fill>)(?:door (?:mijn|m|het) (?:kop|"
        r"hoofd)|dood|neer|overhoop)\b|\bmaak (?:ik |k )?<me> (?:<fill>)af<end>",
        guarded=True,
    ),
    # Rhetorical indifference: "who cares if i die", "wie zou het erg vinden als ik er niet
    # meer was".
    rule(
        "who_cares_if_i_die",
        "suicide",
        r"\b(?:who (?:would )?(?:even )?cares?|who would (?:even )?(?:care|notice|mind)|wie "
        r"(?:kan het|zou het|zal het) (?:<fill>)(?:wat |iets )?(?:schelen|erg vinden|merken|"
        r"missen)|wat maakt het (?:<fill>)uit) (?:<any>)(?:if|als|wanneer|whether) (?:i|ik) "
        r"(?:<fill>)(?:die|died|am dead|was dead|dood|doodga|dood ga|dood ging|er niet meer|sterf|"
        r"was gone|am gone|disappear\w*|verdwijn|kil myself|er niet meer was|er niet meer ben|"
        r"niet meer leef)\b(?! (?:my|her|his|the) hair)",
        guarded=True,
    ),
    # Unbearable, hopeless, no return: "i can't take the pain anymore", "ik kan de pijn niet
    # meer aan", "ik heb alle hoop opgegeven", "een reis waar ik niet van terugkom".
    rule(
        "unbearable_hopeless",
        "suicide",
        r"\bcan not (?:<fill>)(?:take|handle|bear|stand|deal with|live with) (?:the|this) (?:pain|"
        r"hurt|suffering)(?: (?:anymore|any more))?<end>|\bkan (?:de|deze|die) (?:pijn|ellende) "
        r"(?:<fill>)(?:niet|nie) (?:meer )?(?:aan|verdragen|hebben)<end>|\b(?:lost|verloren|"
        r"opgegeven|given up) (?:<fill>)(?:al |alle |elke |every )?(?:hope|hoop)\b(?! (?:voor|for|"
        r"in|op|on|dat|that|of)\b)|\b(?:heb|have|had) (?:<fill>)(?:alle |al |elke |every )?"
        r"(?:hoop|hope) (?:<fill>)(?:opgegeven|verloren|lost|given up)<end>|\b(?:reis|trip|"
        r"journey)\b (?:<any>)(?:waar|where|from which|van) (?:<any>)(?:ik|i) (?:<fill>)(?:niet|"
        r"nooit|never|not) (?:meer )?(?:van )?(?:terug ?kom|terug ?keer|come back|return|coming "
        r"back)\b|\b(?:going away|ga weg|leaving|vertrek)\b.{0,30}?\b(?:wil not|am not|kom|never|"
        r"nooit|niet) (?:<fill>)(?:be )?(?:coming back|come back|terug ?kom|terug ?komen|meer "
        r"terug)\b(?!.{0,30}\b(?:until|tot|before|voor|monday|maandag|weekend|week|holiday|"
        r"vakantie)\b)",
        guarded=True,
    ),
    # Should just die or disappear; not afraid of dying anymore; death sounding peaceful.
    rule(
        "death_appeal",
        "suicide",
        r"\b(?:i|ik) (?:<fill>)(?:should|moet|zou|had) (?:<fill>)(?:disappear|die|be dead|not "
        r"exist|kil myself|end it|dood|verdwijnen|dood zijn|dood gaan|er niet zijn)\b(?! (?:from|"
        r"of|uit|van|for|voor|in|op|my|her|his|the) )|\b(?:not|niet|nie) (?:meer )?(?:afraid|"
        r"scared|bang) (?:meer )?(?:of|to|voor|om) (?:dying|death|die|de dood|dood te gaan|te "
        r"sterven|sterven)\b|\b(?:death|dying|de dood|dood gaan|sterven|dood zijn|being dead) "
        r"(?:<any>)(?:sounds|seems|feels|looks|lijkt|klinkt|voelt) (?:<any>)(?:peaceful|nice|like "
        r"a relief|relief|rustig|fijn|als een opluchting|een opluchting|beter|better|appealing|"
        r"aantrekkelijk|comforting|prettig|welcome|good|goed)\b|\b(?:hate|haat het) "
        r"(?:<fill>)(?:being alive|existing|that i exist|that i am alive|(?:om )?te leven|(?:om "
        r")?te bestaan|dat ik besta|dat ik leef|dat ik nog leef)\b|\b(?:why (?:was|am) i "
        r"(?:<fill>)born|waarom ben ik (?:<fill>)(?:ooit |uberhaupt )?geboren)<end>",
        guarded=True,
    ),
    # Reports about someone: "zegt dat ze echt niet meer wil", "says he feels like a burden",
    # and a farewell to all: "pas goed op elkaar, ik hou van jullie, sorry".
    rule(
        "report_and_farewell",
        "suicide",
        r"\b(?:dat|omdat) (?:ze|hij|zij|ik) (?:het )?(?:<fill>)(?:niet|nie) (?:meer|langer) "
        r"(?:wil|kan|wilt)<end>|\b(?:says|said|feels|thinks|zegt|zei|voelt|denkt) "
        r"(?:<any>)(?:like |that |dat |alsof )?(?:he|she|they|hij|ze|zij|zich|zichzelf)? ?(?:is |"
        r"are |een |a |as )?(?:a |een )?(?:burden|last voor (?:iedereen|ons|haar ouders|zijn "
        r"ouders|de familie))\b|\b(?:pas goed op elkaar|take care of each other|look after each "
        r"other|zorg goed voor elkaar)\b.{0,50}?\b(?:hou van jullie|love you|sorry|vaarwel|"
        r"goodbye)\b",
        guarded=True,
    ),
    # A voice in the head telling the writer to die: "mn hoofd zegt 'maak jezelf dood'".
    rule(
        "voice_says_die",
        "suicide",
        r"\b(?:hoofd|head|stem|stemmen|voice|voices)\b (?:<far>)(?:maak jezelf dood|bring jezelf "
        r"om|pleeg zelfmoord|kill yourself|kil yourself"
        r"|to kill myself|dat ik (?:mezelf|me) (?:moet "
        r")?(?:dood|ombrengen|van kant))",
    ),
    # Asking for a reason not to: "geef me 1 goede reden om geen zelfmoord te plegen".
    rule(
        "reason_not_to",
        "suicide",
        r"\b(?:geef|give|noem|tell) me (?:<any>)(?:reden|redenen|reason|reasons) (?:om |to )?"
        r"(?:geen|niet|not) (?:te |to )?(?:zelfmoord|suicide|kill|end it|mezelf|me (?:van kant|"
        r"dood|om))",
    ),
    # A personal statement does not turn into a joke by laughing: "lowkey suicidal lol".
    rule(
        "feeling_suicidal",
        "suicide",
        r"(?:^|\. )(?:<fill>)(?:(?:lowkey|low key|kinda|kind of|so|really|very|feeling|feel|been "
        r"feeling|lichtelijk|beetje|best|echt) )+(?:suicidal|suicidaal)\b",
    ),
    # Not wanting to be alive by a time: "i don't even want to be alive next year".
    rule(
        "not_alive_by_then",
        "suicide",
        r"\b<i> (?:do not|dont) (?:think )?(?:i )?(?:<fill>)(?:even )?(?:want|wanna) (?:to )?be "
        r"(?:alive (?:<when>|much longer|for much longer|anymore)|on this planet (?:for )?much "
        r"longer)\b|^(?=.*\b(?:planet|earth|world|alive|life)\b).*\b<i> (?:do not|dont) (?:think "
        r")?(?:i )?(?:<fill>)(?:even )?(?:want|wanna) (?:to )?be (?:here|around) (?:for )?much "
        r"longer\b|\b<i> <want> (?:<fill>)nergens (?:meer )?(?:zijn|bestaan)\b",
    ),
    # Fine with the heart stopping or a dose too many: "als mn hart stopt vind ik dat prima".
    rule(
        "fine_if_heart_stops",
        "suicide",
        r"\b(?:als|if) (?:<my>|my) (?:hart|heart) (?:<far>)(?:stopt|ophoudt|gives up|stops|gives "
        r"out)\b (?:<far>)?(?:prima|fine|goed|best|oke|okay|ok|fijn)\b|\b(?:boeit (?:het )?me "
        r"niet|maakt me niet uit|kan me niet schelen|d"
        r"o not care|dont care) (?:of|if) <i> (?:<any>)"
        r"(?:te veel neem|teveel neem|take too much|take too many|overdose|od)\b",
    ),
    # Selling or giving things away since they will not be needed: "heb het na volgende week
    # toch niet meer nodig", "she won't be needing them".
    rule(
        "not_needed_anymore",
        "suicide",
        r"\b(?:marktplaats|verkocht|verkoop|weggegeven|weggeven|geef|gaf|gave|give|giving|sold|"
        r"selling)\b.{0,80}(?:(?:na |after )?<when> (?:<fill>)(?:toch )?niet meer nodig|(?:will "
        r"not|wont) (?:be )?(?:need|needing) (?:them|it|those|these|any of)|where (?:i am|im) "
        r"going)\b(?!.{0,40}\b(?:want|omdat|because|since|cause|coz|ga verhuizen|moving)\b)",
    ),
    rule(
        "given_away_almost_done",
        "suicide",
        r"^(?=.*\b(?:weggegeven|weggeven|given away|gave away|giving away)\b)(?=.*\b(?:bijna "
        r"klaar hier|klaar hier|almost done here|done here)\b)",
    ),
    # The last day at all: "mn laatste dag überhaupt".
    rule(
        "last_day_at_all",
        "suicide",
        r"\b(?:<my>|my) laatste dag (?:uberhaupt|ooit|op aarde|op deze aarde)\b|\bmy last day "
        r"(?:ever|on earth|alive|on this planet)\b",
    ),
    # A worked-out plan: how and where, who would find me, waiting for the courage.
    rule(
        "plan_how_where",
        "suicide",
        r"\b<i> (?:weet|know) (?:<fill>)(?:exactly |precies )?(?:waar en hoe|hoe en waar|how and "
        r"where|where and how)\b(?:.{0,60}\b(?:moed|courage|nerve)\b| <i> (?:<any>)(?:do it|doe|"
        r"doen)\b| (?:id|i would|ik zou) (?:<any>)(?:do it|doen)\b)|\bhoe "
        r"<i> het (?:zou|ga|zal) doen (?:<far>)wie (?:me|mij) (?:<any>)(?:zou|zal|gaat) vinden\b",
    ),
    # Begging god to take the writer: "als god bestaat mag hij me komen halen".
    rule(
        "god_take_me",
        "suicide",
        r"\b(?:god|jezus|allah)\b.{0,50}?\b(?:(?:me|mij) (?:<any>)(?:komen halen|halen|ophalen|"
        r"wegnemen)|(?:take|takes|taking) me)\b(?! (?:to|with|home|back|out|there|naar|mee)\b)",
    ),
    # Wanting to stop breathing: "wil gwn stoppen met ademhalen".
    rule(
        "stop_breathing",
        "suicide",
        r"\b(?:<i> )?<want> (?:<fill>)(?:stoppen met (?:ademen|ademhalen)|niet meer ademen)\b|"
        r"\b<en_want>(?:<fill>)stop breathing\b(?! (?:so|like|through|loud))",
    ),
    # Done with this life, one's own funeral soon, an off button for oneself.
    rule(
        "done_with_this_life",
        "suicide",
        r"\bhet is mooi geweest (?:met )?(?:dit|het|mijn) leven\b|\b(?:mijn eigen|my own) "
        r"(?:uitvaart|begrafenis|funeral)\b.{0,80}\b(?:hoop|hope)\b.{0,40}\b(?:snel|soon|gauw|"
        r"binnenkort)\b|\b(?:uitknop|uitzetknop|off switch|off button) (?:voor|for) (?:jezelf|"
        r"mezelf|yourself|myself|mensen|people)\b",
    ),
    # Something to remember the writer by once gone; a train, "not to get on".
    rule(
        "remember_me_by",
        "suicide",
        r"\biets van (?:me|mij) (?:<any>)?hebben als <i> (?:er niet meer|weg|dood) ben\b|\btrein"
        r"\w* .{0,60}niet om in te stappen\b",
    ),
    # At the edge, next time not staying put: "misschien blijf ik de volgende keer niet zitten".
    rule(
        "edge_next_time",
        "suicide",
        r"\b(?:rand|edge|ledge|railing|reling|brug|bridge|dak|roof)\b.{0,100}\b(?:blijf ik de "
        r"volgende keer niet zitten|volgende keer spring|next time i (?:<fill>)(?:jump|wil jump|"
        r"wil not stay|wont stay))\b",
    ),
    # Pulling the plug on oneself, wanting to be under the sod.
    rule(
        "plug_on_myself",
        "suicide",
        r"\bstekker (?:<any>)?(?:eruit|uit)\b.{0,30}\b(?:bij mezelf|bij mijzelf|uit mezelf)\b"
        r"(?! thuis| op| in)|"
        r"\bpul (?:the|my own) plug on myself\b|\b<i> (?:<want>|wanna|want to|wish i (?:was|were)"
        r")\b.{0,40}\b(?:onder de groene zoden|six feet under)\b",
    ),
    # Leaving a will, others better off: "voor als het zover is. dat duurt niet lang meer".
    rule(
        "when_the_time_comes",
        "suicide",
        r"\bvoor als het zover is\b.{0,40}\b(?:niet lang meer|binnenkort)\b|\b(?:wil not|wont) be "
        r"(?:anyones|anybodys|everyones|your|a) (?:problem|burden) (?:for )?much longer\b",
    ),
    rule(
        "others_better_off",
        "suicide",
        r"\b(?:verdwijn|verdwijnen|dood ben|weg ben|disappear|disappeared|dead|gone)\b.{0,40}\b"
        r"(?:iedereen|everyone|everybody) (?:een |a )?(?:plezier|gunst|favor|favour)\b",
        guarded=True,
    ),
    # Decided on it: "made up my mind that i'm checking out", "just not come back up".
    rule(
        "checking_out",
        "suicide",
        r"\b(?:made up my mind|decided)\b.{0,30}\bchecking out(?: for god)?(?:<end>)|\bto "
        r"(?:<fill>)not come back up\b|\b(?:godbye|good"
        r"bye|afscheid|farewell)\b.{0,80}\b(?:tonights "
        r"the night|tonight is the night|vannacht is het zover|vanavond is het zover)\b",
    ),
    # Held here only by a pet that is old; tying up loose ends before going; waking up a let-down.
    rule(
        "held_here_by_little",
        "suicide",
        r"\bonly (?:thing|reason|one) (?:<any>)keeping me (?:alive|here)\b.{0,60}\b(?:getting old|"
        r"old|dying|sick)\b|\btying up (?:al )?(?:the |my )?lose ends\b.{0,20}\bbefore i "
        r"(?:go|leave|die)(?:<end>)|\b(?:waking up|wake up|woke up)\b.{0,60}\b(?:disapointed|"
        r"teleurgesteld) (?:that |dat )?<i> (?:did|woke up|wakker)\b",
    ),
    # Someone else's plan: "zei in de call dat hij zich vanavond van kant maakt".
    rule(
        "other_says_ends_it",
        "suicide",
        r"\b(?:zei|zegt|zeggen|appte|typte|said|says) (?:<far>)dat (?:hij|ze|zij) (?:zich|"
        r"zichzelf) (?:<any>)(?:van kant (?:maakt|gaat maken|maken)|van het leven (?:beroven|"
        r"berooft)|ombrengt|ombrengen)\b|\b(?:bidt|bid|hoopt|hoop|prays|pray|hopes|hope) (?:<any>)"
        r"(?:dat |that )?(?:ik|ze|zij|hij) (?:niet|noo"
        r"it) (?:meer )?wakker (?:wordt|word|worden)\b",
    ),
    # How many pills would be too many.
    rule(
        "how_many_too_many",
        "suicide",
        r"\b(?:how many (?:<any>)"
        + _PILLS
        + r" (?:<any>)would (?:be (?:to many|fatal|lethal)|kil)"
        r"|hoeveel (?:<any>)" + _PILLS + r" (?:<any>)(?:dodelijk|te veel zou))"
        r"(?!.{0,40}\b(?:hoofdpijn|pijn|koorts|headache|pain|fever|cramps|kramp)\b)",
    ),
)
