"""Rules for self-harm and for abuse or sexual violence, told first-hand or about someone else."""

from __future__ import annotations

from bot.safety.context import REPORTED_THREAT_MASK, THREAT_MASK
from bot.safety.patterns import Rule, rule

__all__ = ["ABUSE", "SELF_HARM"]

# Bullying by words alone ("ik word gepest") is not matched: it is loneliness, not a crisis, and
# the engine offers a person for it anyway. Physical violence at school is matched as abuse.

_BODY = (
    r"(?:arm|armen|pols|polsen|been|benen|dij|dijen|bovenbeen|bovenbenen|onderarm|onderarmen|"
    r"bovenarm|bovenarmen|kuit|kuiten|buik|huid|heup|heupen)"
)
_CUT_NL = r"(?:snij|snijd|snijdt|snijden|sneed|sneden|gesneden|snei|snie|sny)"
_HIT_NL = (
    r"(?:slaat|slaan|sloeg|sloegen|schopt|schoppen|schopte|mishandelt|mishandeld|mishandelen|"
    r"mishandelde|"
    r"wurgt|wurgde|stompt|stompte|trapt|trapte|misbruikt|misbruikte|misbruiken|verkracht|"
    r"verkrachtte|randt|randde|bedreigt|bedreigde|martelt|knijpt|duwt|sla|slaagt)"
)
_DONE_NL = (
    r"(?:geslagen|geschopt|mishandeld|misbruikt|verkracht|aangerand|gewurgd|betast|gedrogeerd|"
    r"opgesloten|vastgebonden|gechanteerd|uitgebuit|gestalkt|getrapt|ongewenst aangeraakt|"
    r"gedwongen(?![^.]{0,40}?\b(?:verjaardag|feest|bruiloft|familiedag|kerk|les|training|"
    r"tandarts|dokter|huisarts|huiswerk|school|op te ruimen|af te wassen|te eten|te sporten|"
    r"te leren|te studeren|boodschappen)\w*)|aangevallen|in elkaar geslagen|afgeperst|bedreigd)"
)
_HIT_EN = (
    r"(?:hits|hit|hitting|beats|beat|kicks|kicked|chokes|choked|strangles|strangled|punches|"
    r"punched|slaps|slapped|abuses|abused|molests|molested|rapes|raped|touches|touched|grabs|"
    r"grabbed|threatens|threatened|hurts|hurt|forces|forced|assaulted|burns|burned)"
)
_DONE_EN = (
    r"(?:raped|molested|abused|sexually abused|sexually assaulted|assaulted|beaten|beaten up|"
    r"groped|trafficked|choked|drugged|touched inappropriately|hit|hurt|kicked|strangled|"
    r"sexually harassed|blackmailed)"
)

# "hit me with a pillow", "kicked me in her sleep", "kicked me out of the group chat": play,
# accidents and groups, not violence.
_GROUPS = (
    r"(?:kitchen|room|living room|group|group ?chat|chat|class|classroom|game|team|server|"
    r"lesson|club|band|car|bar|party|call|lobby|match|discord|store|shop|bathroom|conversation)"
)
# "mijn broertje slaat me altijd met fifa": beaten at a game.
_GAME = (
    r"(?![^.]{0,30}\b(?:fifa|fortnite|schaak|schaken|chess|potje|spelletje|game|gamen|"
    r"monopoly|tennis|pingpong|tafeltennis|mario|wedstrijd|uno|kaarten|rummikub)\b)"
)
_PLAY_EN = (
    r"(?! (?:up|back)\b| (?:with|met) (?:a|an|the|his|her|their|een|het|de|zijn|haar) "
    r"(?:pillow|pillows|kussen|snowball|snowballs|sneeuwbal|ball|bal|balloon|ballon|water "
    r"balloon|waterballon|nerf|foam|paper|towel|handdoek|sock|joke|question|text|message|meme|"
    r"compliment|fact|truth|news|bill)\b| (?:in|tijdens) (?:her|his|their|haar|zijn) "
    r"(?:sleep|slaap)\b| (?:by accident|accidentally|per ongeluk)\b| out of (?:the |a |my |our "
    r"|this |that )?" + _GROUPS + r"\b)"
)
_BODY_EN = r"(?:arm|arms|wrist|wrists|thigh|thighs|leg|legs|stomach|belly|skin|hip|hips|body)"
_WOUNDS = (
    r"(?:sneden|sneeen|sneetjes|snijwonden|krassen|littekens|wonden|brandwonden|cuts|scars|"
    r"scratches|burns|wounds)"
)
# A cat, a fall or an operation explains the scratches; then it is not self-harm.
_INNOCENT_CAUSE = (
    r"(?:(?: [a-z]+){0,4} (?:kat|poes|hond|cat|dog|kitten|braam|bramen|doornen|val|vallen|fall|"
    r"fiets|bike|ongeluk|accident|operatie|surgery|acne|sport|voetbal|gym|werk|work|jeuk|eczeem|"
    r"muggen\w*|itch\w*|eczema|allergie|allergy|mosquito\w*)\b)"
)
_PHOTO = (
    r"(?:nudes|nude|naakt ?fotos?|naakt ?filmpjes?|fotos|foto|pics|pic|pictures|photos|videos|"
    r"filmpjes|filmpje|beelden|dick ?pics?)"
)
# Adults who have no business in a young person's room at night (not siblings or pets).
_ADULT_NL = (
    r"(?:mijn|me|m) (?:oom|opa|vader|pa|papa|stiefvader|stiefpa|neef|buurman|trainer|coach|"
    r"leraar|huisbaas|begeleider|stiefbroer|broer|vriend van mijn moeder)"
)
_ADULT_EN = (
    r"(?:my|his|her) (?:uncle|grandpa|grandfather|dad|father|stepdad|stepfather|cousin|"
    r"neighbour|neighbor|coach|teacher|landlord|stepbrother|brother|mom s boyfriend)"
)

# --- vocabulary of the held-out families of 2026-11-28 ----------------------------------------
# One sentence: the normaliser turns every sentence end into " . ", so [^.] never crosses one.
_SENTENCE = r"[^.]{0,80}?"
# Intent or outcome that turns an everyday act on one's own body into self-harm.
_INTENT = (
    r"(?:on purpose|expres|express|bewust|met opzet|opzettelijk|deliberately|intentionally|"
    r"as (?:a )?punishment|als straf|om (?:mezelf|mijzelf) te straffen|to punish (?:myself|me)|"
    r"to feel something|om iets te voelen|om (?:de )?pijn te voelen|to feel (?:the )?pain|"
    r"(?:until|till|til|untill|tot) (?:it|they|i|het|ze|ik|er|(?:my|mijn|me) [a-z]+) "
    r"(?:<any>)(?:bleed|bleeds|bled|bleeding|bloed|bloedt|bloeden|bloedde|hurts|hurt|hurting|"
    r"pijn (?:doet|deed|gaat doen)|bruise|bruises|bruised|blauw (?:is|wordt|werd|ziet)|"
    r"wondjes|wonden|burns|brandt|brandde|blisters))"
)
_OWN_PART = (
    r"(?:hoofd|kop|hand|handen|vuist|vuisten|knokkels|gezicht|nek|vingers|nagels|borst|enkels|"
    r"schouder|head|hands|fist|fists|knuckles|face|neck|fingers|nails|chest|ankles|shoulder)"
)
# The writer's own body: "mijn arm", "my left wrist", "me polsen".
_OWN_BODY = r"(?:mijn|me|my) (?:[a-z]+ )?(?:" + _BODY + r"|" + _BODY_EN + r"|" + _OWN_PART + r")\b"
_HARM_V = (
    r"(?:snij|snijd|snijdt|sneed|gesneden|kras|krast|kraste|gekrast|brand|brandt|brandde|"
    r"gebrand|verbrand|verbrandde|sla|slaat|sloeg|geslagen|stomp|stompte|gestompt|bonk|bonkte|"
    r"gebonkt|beuk|beukte|gebeukt|bijt|beet|gebeten|knijp|kneep|geknepen|krab|krabde|gekrabd|"
    r"prik|prikte|geprikt|ram|ramde|geramd|knal|knalde|geknald|cut|cuts|cutting|burn|burns|"
    r"burned|burnt|burning|hit|hits|hitting|punch|punches|punched|punching|bang|bangs|banged|"
    r"banging|bash|bashed|bashing|slam|slammed|slamming|bite|bit|biting|pinch|pinched|"
    r"pinching|scratch|scratched|scratching|pick|picked|picking|stab|stabbed|carve|carved|"
    r"scald|scalded|slap|slapped|smash|smashed)"
)
# Someone else doing it is abuse, not self-harm ("hij sloeg mijn hoofd expres tegen de muur").
_NOT_OTHER = r"\b(?=[a-z])" + "".join(
    f"(?<!{who} )"
    for who in (
        "hij", "zij", "ze", "he", "she", "they", "vader", "moeder", "pa", "ma", "papa", "mama",
        "dad", "mom", "mum", "father", "mother", "broer", "brother", "vriend", "boyfriend",
        "ex", "partner", "stiefvader", "stepfather", "oom", "uncle", "hem", "him", "haar",
    )
)  # fmt: skip
_HEAT = (
    r"(?:(?:hete|hot|gloeiende|gloeiend|glowing|brandende|burning|lit) (?:<any>)?(?:lepel|"
    r"spoon|mes|knife|metaal|metal|strijkijzer|strijkbout|iron|pan|water)|aansteker|lighter|"
    r"sigaret|sigaretten|peuk|cigarette|cigarettes|cig|kaars|candle|vlam|flame|lucifer|"
    r"lucifers|match|matches)"
)
_STALKER = (
    r"(?:(?:mijn|me|my) ex(?: ?(?:vriend|vriendin|boyfriend|girlfriend|partner))?|iemand|"
    r"someone|somebody|een (?:man|jongen|vent|onbekende|vreemde)|a (?:man|guy|stranger)|some "
    r"(?:guy|man|creep)|die (?:man|gast|jongen)|that (?:guy|man))"
)
_WAITS_AT = (
    r"(?:staat|stond|wacht|wachtte|zit|zat|loopt|liep|rijdt|reed|stands|stood|waits|waited|"
    r"waiting|sits|shows up|showed up|showing up|turns up|turned up|hangs around|parks|parked|"
    r"is) (?:<any>)(?:bij|voor|outside|at|in front of|near|rond|around|across from) (?:mijn|my|"
    r"ons|our) (?:huis|deur|school|werk|flat|house|door|work|place|building|gebouw|kamer|room|"
    r"raam|window|apartment|appartement|dorm|studentenhuis|job)\b"
)
_AGAIN = (
    r"(?:elke|iedere|every|steeds|keeps|kept|constant\w*|altijd|always|nachts|at night|nacht|"
    r"night|weer|again|al weken|for weeks|soms|vaak|sometimes|often)"
)
_SENTENCE_LONG = r"[^.]{0,120}?"
_INTENT_GATE = (
    r"purpose|expres|express|bewust|opzet|opzettelijk|deliberately|intentionally|punish\w*|"
    r"straf\w*|feel|voelen|until|till|til|untill|tot"
)
_HEAT_GATE = (
    r"aansteker|lighter|sigaret\w*|peuk|cigarette\w*|cig|kaars|candle|vlam|flame|lucifer\w*|"
    r"match|matches|hete|hot|gloeiend\w*|glowing|brandend\w*|burning|lit"
)
_BLADE = (
    r"(?:mesje|mesjes|scheermesje|scheermesjes|scheermes|blade|blades|razor|razors|"
    r"razorblade|razorblades|puntenslijper|sharpener)"
)
# Acts that only self-harm is: a relapse, a blade, a wound, pain that calms.
_SH_ACT = (
    r"(?:snijden|krassen|gesneden|gekrast|snij|kras|" + _BLADE[3:-1] + r"|cutting|cut|cuts|"
    r"self ?harm\w*|sh|zelfbeschadiging|zelf ?verwonding|branden|burning)"
)
_CLEAN = (
    r"(?:(?:[0-9]+|een|twee|drie|vier|vijf|zes|paar|few|a few|one|two|three|four|five|six|"
    r"several|bijna|almost) (?:<any>)?(?:dag|dagen|week|weken|maand|maanden|jaar|jaren|day|"
    r"days|week|weeks|month|months|year|years) clean|clean (?:sinds|since|voor|for))"
)
_RELAPSE = (
    r"(?:terugval\w*|teruggevallen|relapse\w*|relaps|" + _CLEAN[3:-1] + r"|weer mis ?(?:ging|"
    r"gegaan|gaat)?|ging het (?:<any>)mis|het misgaat|mis gaat|slipped|slip up|slipped up|"
    r"weer begonnen|started again)"
)
_GARMENT = (
    r"(?:lange mouwen|long sleeves|long sleeved|hoodie|hoodies|trui|truien|vest|vesten|sweater|"
    r"sweaters|armband|armbanden|bracelet|bracelets|polsband|polsbanden|horloge|watch|pleister|"
    r"pleisters|band ?aids?|plasters|make ?up|foundation|concealer|jeans|lange broek)"
)
_HIDDEN_PART = (
    r"(?:(?:mijn|my|de|the|haar|her|zijn|his) (?:armen|arm|polsen|pols|dijen|dij|bovenbenen|"
    r"benen|arms|wrists|wrist|thighs|thigh|legs)|" + _WOUNDS[3:-1] + r"|wondjes|sneetjes|"
    r"marks|it|them|het|ze)"
)
_RELIEF = (
    r"(?:het enige|enige wat|enige dat|only thing|only way|only time|geeft (?:me )?rust|rust "
    r"geeft|geeft (?:me )?een kick|kalmeert|calms|calm me|helps me (?:cope|calm|feel|sleep)|"
    r"helpt (?:me|mij)|relief|opluchting|verdooft|numbs|shuts [a-z]+ (?:[a-z]+ )?up|"
    r"makes me feel (?:better|something|alive|real)|laat me (?:iets )?voelen|voel ik (?:weer )?"
    r"iets|zet mijn hoofd stil|maakt mijn hoofd stil)"
)
# "cutting my phone time", "krassen op de auto", "snijden van de ui" have an object.
_NO_OBJECT = (
    r"(?! (?:my|the|a|an|down|back|out|off|it|them|this|that|class|carbs|sugar|ties|corners|"
    r"costs|in line|de|het|een|mijn|die|dat|op|in|van|uit|je|your)\b)"
)
_SH_PAIN = (
    r"(?:fysieke pijn|lichamelijke pijn|physical pain|de pijn van het (?:krassen|snijden|"
    r"branden|slaan)|the pain (?:of|from) (?:cutting|burning|hitting|scratching)|(?:krassen|"
    r"snijden|cutting)"
    + _NO_OBJECT
    + r"|self ?harm\w*|sh|zelfbeschadiging|mezelf pijn (?:doen|te doen)|"
    r"hurting myself|pijn voelen|feeling pain|feel pain|bloed zien|seeing (?:the |my )?blood|"
    r"(?:seeing|watching|see|watch) (?:it|myself|me) bleed|(?:mezelf|mij|me) (?:zien )?bloeden)"
)
_EAT_NOT = (
    r"(?:niet|niks|niets|geen|nauwelijks|amper|nothing|not|barely|never|stopped|stop|skip|"
    r"skipped|skipping|sla|sloeg) (?:<any>)?(?:eten|eet|gegeten|at|eat|eating|ate|meals|"
    r"maaltijden|food|over)"
)
_DESERVE_NOT = (
    r"(?:verdien\w*|deserve\w*|als straf|straf voor (?:mezelf|mijzelf)|(?:mezelf|mijzelf) "
    r"(?:te )?straffen|punish\w*|haat mezelf|hate myself)"
)

# Abuse: people, acts and objects the families below combine.
_PAPERS = (
    r"(?:bankpas|pinpas|id|id kaart|identiteitskaart|paspoort|verblijfsvergunning|salaris|loon|"
    r"passport|id card|bank card|debit card|bank cards|cards|salary|wages|documents|papieren|"
    r"papers|residence permit)"
)
_FAMILY = (
    r"(?:vader|pa|papa|pap|moeder|ma|mama|mam|stiefvader|stiefpa|stiefmoeder|stiefma|ouders|"
    r"broer|broers|oom|ooms|tante|opa|oma|familie|neef|neven|dad|father|mom|mum|mother|"
    r"stepfather|stepmom|stepmother|parents|brother|brothers|uncle|family|cousin|cousins)"
)
_PARTNER = (
    r"(?:vriend|vriendje|vriendin|partner|man|vrouw|ex|boyfriend|girlfriend|husband|wife|"
    r"ex ?vriend|ex ?boyfriend)"
)
# An adult with power or no business with a young person in secret.
_ADULT_ROLE = (
    r"(?:trainer|coach|leraar|docent|teacher|mentor|begeleider|instructeur|instructor|"
    r"bijlesleraar|tutor|baas|manager|leider|stagebegeleider|leidinggevende|werkgever|chef|"
    r"supervisor|youth leader|priest|imam|pastoor|dominee|oom|uncle|"
    r"stiefvader|stepfather|buurman|neighbour|neighbor|huisbaas|landlord|vader van [a-z]+ "
    r"[a-z]+|dad of [a-z]+ [a-z]+)"
)
_OLDER = (
    r"(?:(?:oudere|older|volwassen|volwassene|adult|grown|getrouwde|married) (?:man|men|guy|"
    r"guys|jongen|vent|kerel|gast|dude|vrouw|woman)|(?:jongen|man|vent|gast|kerel|guy|dude|"
    r"boy|vrouw|woman) (?:van|of) (?:1[89]|[2-9][0-9])|(?:1[89]|[2-9][0-9]) ?(?:jarige|jarig|"
    r"year old|yo|yr old|jaar oude) (?:man|guy|dude|jongen|vent|kerel|gast)|(?:iemand|someone|"
    r"a guy|een man|een jongen|een gast|some guy) (?:die ik |i met |i know |i talk to |ik "
    r"ken )?(?:<any>)?online)"
)
_SECRECY = (
    r"(?:(?:ons|onze|our) (?:kleine |little |special |speciale )?(?:geheim\w*|secret\w*)|"
    r"geheimpje|(?:special|little) secret|keep (?:it|this|that|us|our [a-z]+) (?:a )?secret|"
    r"in secret|secret between us|(?:het|dit|dat|alles) (?:geheim|tussen ons) (?:moet |moeten "
    r")?(?:houden|blijven|blijft)|tussen ons (?:blijven|houden|blijft)|(?:hou|houd|houden) "
    r"(?:het|dit|dat) (?:geheim|voor jezelf)|aan niemand|tegen niemand|niemand mag|"
    r"niemand (?:<any>)?(?:weet|"
    r"mag weten)|zonder dat (?:iemand|mijn ouders|je ouders|mijn moeder|mijn vader) (?:het )?"
    r"(?:weet|merkt|doorheeft|ziet)|without (?:anyone|anybody|my parents|my mom|my mum|my dad) "
    r"(?:knowing|finding out)|nobody can know|no one can know|nobody may know|(?:not|never) "
    r"(?:to )?tell (?:anyone|anybody|my parents|my mom|my mum|my dad|them)|(?:do not|dont) "
    r"tell (?:anyone|anybody|your parents|my parents)|niet (?:aan|tegen) (?:mijn|je|m) "
    r"(?:ouders|moeder|vader|mama|papa) (?:<any>)?(?:vertellen|zeggen)|(?:niet|niks|niets) "
    r"(?:aan|tegen) (?:mijn |je )?(?:ouders|moeder|vader|mama|papa|iemand) (?:<any>)?(?:mag )?"
    r"(?:vertellen|zeggen)|delete (?:the|our|his|these) (?:messages|chats|texts|dms)|"
    r"verwijder (?:de|onze|zijn|die) (?:berichten|chats|appjes))"
)
_NIGHT = (
    r"(?:s nachts|snachts|at night|late at night|midden in de nacht|in the middle of the night|"
    r"om (?:[1-4]|een|twee|drie|vier) uur s nachts|at [1-4] ?am|elke nacht|every night|"
    r"nachtelijke|midnight)"
)
# My (or her) intimate pictures: nudes in any wording, or a picture of me with a naked cue.
_NUDES = (
    r"(?:nudes|nude|naakt ?fotos?|naakt ?filmpjes?|naakt ?video\w*|naakt ?beelden|sexy fotos|"
    r"intieme (?:fotos|beelden|filmpjes|videos)|private (?:pics|photos|videos|pictures)|"
    r"prive (?:fotos|filmpjes|videos)|sex ?tape|seks ?tape|seks ?filmpje|sex ?video|nude "
    r"(?:pics|photos|pictures)|dick ?pics?|topless fotos?)"
)
_MEDIA = (
    r"(?:fotos|foto|filmpje|filmpjes|video|videos|pics|pic|pictures|photos|beelden|"
    r"screenshots?|opnames?)"
)
_SPREAD = (
    r"(?:verspreid\w*|rondgestuurd|rondsturen|rondgaan|gaat rond|gaan rond|rond|going around|"
    r"circulating|gedeeld|delen|deelt|shared|sharing|share|shares|leaked|leak|leaks|gelekt|"
    r"lekken|gepost|posted|post|posts|posten|online gezet|online|doorgestuurd|doorsturen|"
    r"forwarded|forward|sent to|gestuurd naar|groepsapp|group ?chat|groepschat|klassengroep|"
    r"class (?:group|chat)|zet (?:ze|het|die)|zetten)"
)
_UNDRESSED = (
    r"(?:zonder (?:kleren|kleding|broek|onderbroek|ondergoed|shirt|bh)|naakt|bloot|half ?naakt|"
    r"uitgekleed|naked|half naked|without (?:my |any )?(?:clothes|pants|underwear|shirt|bra)|"
    r"undressed|(?:mijn|my) (?:kleren|broek|onderbroek|clothes|pants|underwear|jeans) "
    r"(?:was |waren |were |are )?(?:gone|weg|off|uit))"
)
_MEMLOSS = (
    r"(?:weet (?:<any>)?(?:niks|niets|niet) meer|weet (?:<any>)?niet (?:meer )?wat er (?:is )?"
    r"gebeurd|kan (?:me|mij) (?:<any>)?(?:niks|niets|weinig) (?:meer )?herinneren|herinner "
    r"(?:me|mij) (?:<any>)?(?:niks|niets)|geen herinnering|blackout|black out|can not remember|"
    r"do not remember|remember nothing|no memory|no idea what happened|geen idee wat er "
    r"(?:is )?gebeurd)"
)
_ADV_SH = (
    r"(?:(?:zo|straks|vanavond|vannacht|weer|echt|gewoon|nog|opnieuw|toch|meteen|nu|bijna|"
    r"morgen|zometeen|zo meteen|wel|even|dan|vandaag|later|misschien|graag|denk ik) )*"
)

_GROOM_STRONG = (
    r"(?:" + _SECRECY[3:-1] + r"|stiekem (?:<any>)?afspreken|bij hem "
    r"thuis|at his (?:place|house)|in (?:zijn|his) auto|meet (?:up )?(?:alone|in secret|"
    r"secretly)|ik ben (?:pas |net |nog maar )?1[0-6]\b|i am (?:only |just )?1[0-6]\b)"
)
_GROOM_WEAK = (
    r"(?:(?:stuurt|stuurde|sends|sent|texts|texted|appt|appte|belt|belde|calls|called|"
    r"messages|dms|snapt)\b[^.]{0,40}?\b" + _NIGHT + r"|" + _NIGHT + r"\b[^.]{0,40}?\b(?:"
    r"berichten|berichtjes|appjes|messages|texts|belt|calls|snaps|dms)|cadeaus|cadeautjes|"
    r"gifts|presents|afspreken|meet up|wants to meet|speciaal|special|volwassen voor mijn "
    r"leeftijd|mature for my age|knap|pretty|sexy)"
)


def _gated(gate: str, body: str) -> str:
    """`body`, tried only when a word of `gate` occurs somewhere in the message.

    Most messages have none of the gate words, and one cheap scan for them saves the costly
    scan of the body (its first word is a long list). Only for unguarded rules: the match then
    starts at the beginning of the message, which the negation check of a guarded rule reads.
    """
    return r"^(?=.*?\b(?:" + gate + r"))(?:.*?)(?:" + body + r")"


def _grooming(actor: str) -> str:
    """An adult `actor` and grooming in the same message (up to 300 characters).

    One strong sign (secrecy, meeting alone or at his place, an age under 17) or two weak ones
    (messages at night, gifts, "special", "mature for your age"): a teacher who mails grades at
    night or an uncle with birthday presents alone is not grooming.
    """
    return (
        r"^(?=.{0,300}?\b"
        + actor
        + r"\b)(?:(?=.{0,300}?\b"
        + _GROOM_STRONG
        + r"\b)|(?=.{0,300}?\b"
        + _GROOM_WEAK
        + r"\b.{0,300}?\b"
        + _GROOM_WEAK
        + r"\b))"
    )


# --- held-out families of 2026-11-28 (third set) ----------------------------------------------
# Within one message of at most 300 characters: "A and B somewhere", in any order.
def _both(first: str, second: str) -> str:
    return r"^(?=.{0,300}?\b(?:" + first + r")\b)(?=.{0,300}?\b(?:" + second + r")\b)"


# A wound made deeper or more often: "al 3 keer gekrast, steeds dieper", "cut again, deeper".
_SH_WOUND_V = (
    r"gekrast|gesneden|krassen|kras|snijden|snij|sneed|cut|cutting|cuts|burned|burnt|gebrand|"
    r"scratched"
)
# Pain until a visible result: "until purple", "tot het openligt", "scratching raw".
_UNTIL_MARK = (
    r"(?:until|till|til|tot) (?:<any>)?(?:purple|paars|black and blue|bont en blauw|raw|rauw|"
    r"open ?ligt|open ?lag|open is|open gaat|open ging|openligt|openlag|bleeding|bloedt|bloedde|"
    r"bloed|blood|bled|bleeds|blisters|blaren)\b|\b(?:scratch\w*|krab\w*|rub\w*|schuur\w*) "
    r"(?:<any>)?(?:myself |my [a-z]+ |mijn [a-z]+ |mezelf )?(?:raw|rauw|open|kapot)"
)
# Food as punishment: fasting, purging, "paying" for a meal.
_FOOD_DENY = (
    r"(?:niet|niks|niets|geen|no|nothing|not) (?:meer )?(?:eten|eet|gegeten|food|eating|eat|"
    r"hap|maaltijd|eaten)|alleen (?:maar )?(?:een|1|twee|2) [a-z]+ (?:gegeten|op)|only (?:ate|had|"
    r"eaten) (?:a|an|one|two|some) [a-z]+|(?:eet|eten|eat|ate|at|gegeten) (?:al )?(?:[a-z0-9]+ ){"
    r"0,3}(?:niks|niets|"
    r"nothing)|alleen (?:maar )?water|only (?:drank |drink |had )?water|(?:no|geen) food till|"
    r"overgeven|overgegeven|overgeef|braken|gebraakt|kotsen|kots|gekotst|throw up|threw up|"
    r"throwing up|vomit\w*|puke\w*|purge\w*|eet pas (?:weer )?als|pas (?:weer )?eten als|(?:not|n"
    r"o) "
    r"(?:eating|food) (?:until|till)|will not eat (?:until|till)|"
    r"vinger in (?:mijn|me) keel|make myself sick|made myself sick|laxeer\w*|laxatives?"
)
_FOOD_PUNISH = (
    r"straf|straft|straffen|bestraf\w*|punish\w*|pay for it|paying for it|boeten|compenseren|"
    r"compensate|make up for it|goedmaken|(?:het|it) (?:niet|not) (?:verdien\w*|deserve\w*)|"
    r"(?:niet|geen|not|do not|dont) (?:verdien\w*|deserve\w*)|verdien\w* (?:het )?(?:niet|geen)|"
    r"(?:omdat|because|want) (?:ik|i) (?:het |it )?(?:verdien\w*|deserve\w*)|dat heb ik verdiend|"
    r"i deserve (?:it|to be hungry|to starve|the pain)|verdien (?:het )?(?:om )?(?:honger|te "
    r"lijden)"
)
# Marks or blood explained away, and then the lie admitted.
_MARKS = (
    r"bloed|blood|marks|plekken|sneetjes|krassen|cuts|scars|littekens|wondjes|wonden|scratches"
)
_LIE = (
    r"maar dat was het niet|but it was not|but that was not it|we do not (?:even )?have a (?:cat|"
    r"dog)|we hebben (?:niet eens |eens geen |geen )(?:kat|hond|poes)|was (?:een leugen|a lie)|i "
    r"lied|ik loog|gelogen"
)
_BLADE_SH = r"mesje|mesjes|blade|blades|razorblade|razorblades|puntenslijper|sharpener"

# Abuse: drug running under coercion.
_RUNNING = (
    r"(?:drugs|wiet|weed|coke|dope|pakketjes|pakketten|spullen|tassen|bolletjes) (?:<any>)?(?:"
    r"vervoeren|verkopen|bewaren|wegbrengen|weg te brengen|rondbrengen|rond te brengen|te "
    r"vervoeren|te verkopen|te bewaren)|(?:carry|hold|sell|move|deliver|stash|run) (?:<any>)?"
    r"(?:drugs|weed|coke|stuff|bags|packages|things)|dealen|(?:voor|for) (?:hem|ze|hun|them|him|"
    r"een gast|a guy|some guys|these guys) (?:<any>)?(?:lopen|dealen|running|selling|verkopen)|"
    r"lopen voor (?:hem|ze|hun)|(?:voor|for) (?:<any>)?dealer (?:<any>)?(?:werken|work|lopen|run"
    r"\w*)|"
    r"work (?:it|that|the debt) off|(?:sell|selling|dealen|lopen|run|running|carry) (?:<any>)?(?:"
    r"for|"
    r"voor) (?:them|him|hem|ze|hun|die)"
)
_COERCE = (
    r"dwing\w*|gedwongen|forced|force|forcing|owe|schulden|schuldig|or else|anders (?:doen|slaan|"
    r"maken|pakken|weet|komen|gaan|gaat|krijg)|or (?:they|he|she) (?:will|would|ll)|or (?:thel|"
    r"hel|shel|theyl|hell|theyll)|hurt (?:me|my)|als ik "
    r"weiger|if i (?:refuse|say no|stop)|wilde stoppen|wil stoppen|wanted to stop|want to stop|"
    r"knife|mes|messen|gun|pistool|weet (?:<any>)?(?:me|mij|ons|haar|hem) te vinden|(?:know|knows|"
    r"weten|weet) (?:where|which|waar|welke)|in elkaar|geslagen|slaan|sloeg|beat|beaten|bedreig\w"
    r"*|"
    r"threat\w*"
)
# Being who I am, in a family that punishes it.
_IDENTITY = (
    r"uit de kast|coming out|came out|kwam uit|gay|homo|lesbisch|lesbian|bi|biseksueel|bisexual|"
    r"trans|queer|een vriendin heb|een vriend heb|girlfriend|boyfriend|niet (?:meer )?geloof|"
    r"met een (?:jongen|meisje|vriendje|vriendinnetje)|with a (?:girl|boy|guy)|a (?:girl|boy|guy) "
    r"home|een (?:jongen|meisje) mee|"
    r"kerk|moskee|church|mosque|hoofddoek|hijab|religie|religion|geloof|ramadan|schande|eer|"
    r"honou?r|dishonou?r"
)
_PUNISH_ACT = (
    r"tegen de (?:muur|kast|deur|grond) (?:aan )?(?:gegooid|geduwd|gesmeten|geslingerd|gegooit|"
    r"gedrukt)|van de trap (?:af )?(?:gegooid|geduwd)|de trap af (?:gegooid|geduwd)|in elkaar "
    r"(?:geslagen|getrapt|slaan|slaat|sloeg)|(?:threw|thrown|throws|pushed|pushes|shoved|slammed|"
    r"slams) (?:me|him|her) (?:<any>)?(?:against|down|into|across|to) (?:the )?(?:wall|stairs|"
    r"floor|room|door)|beat (?:me|him|her) up|beaten up|vermoord\w*|kill (?:me|him|her)|"
    r"(?:mag|mocht) (?:ik|hij|ze) (?:<any>)?niet (?:meer )?(?:alleen )?(?:naar buiten|de deur uit"
    r")|"
    r"(?:pakte|pakt|afgepakt) (?:<any>)?telefoon|bezuren|gaat (?:me|mij|hem|haar) pakken|"
    r"opgesloten|locked me|locks me|break (?:my|his|her) (?:legs|arms|neck|bones)|(?:dood|kapot) ?"
    r"(?:slaan|slaat|sla)|beat (?:the )?[a-z]+ out of (?:me|him|her)|(?:eruit|er uit) "
    r"(?:te )?slaan|(?:sloeg|slaat|slaan|schopt|schopte)(?: (?:mijn|me|m) [a-z]+)? "
    r"(?:me|mij|hem|haar)|(?:ben|werd|word|is|was|wordt) (?:<any>)?geslagen|hit me|hits me|beats "
    r"me"
)
_FAMILY_WHO = _FAMILY[3:-1] + r"|stiefbroer|zus|sister|familie"
_BOSS = (
    r"(?:mijn|my|me|de|the|onze|our) (?:[a-z]+ )?(?:baas|manager|leidinggevende|chef|supervisor|"
    r"boss|teamleider|teamleader|stagebegeleider|collega|coworker|co worker|eigenaar|owner)"
)
_GRAB = (
    r"(?:grabbing|grabs|grabbed|groping|gropes|groped|touching|touches|touched) (?:me|my|mij)|"
    r"betast|betastte|"
    r"zit (?:<any>)?aan (?:me|mij|mijn)|zat (?:<any>)?aan (?:me|mij|mijn)|knijpt in (?:mijn|me)|"
    r"slaps my (?:ass|butt)|kont|billen|my ass|my butt"
)
_JOB_THREAT = (
    r"lose (?:my|her|his) (?:shifts|job|hours|internship|contract)|(?:mijn|haar|zijn) (?:baan|"
    r"diensten|uren|stage|contract) (?:<any>)?kwijt|fire me|ontslaan|ontslagen|if i tell|als ik "
    r"(?:het )?(?:vertel|zeg|klaag)|niemand (?:<any>)?(?:vertellen|zeggen)|tell anyone"
)
_UNDIES_REQ = (
    r"(?:foto|fotos|pic|pics|picture|pictures|photo|photos|video|filmpje|webcam\w*|cam|camera|"
    r"facetime)\b[^.]{0,40}?\b(?:ondergoed|underwear|shirt uit|zonder shirt|shirtless|topless|"
    r"bh|bra|boxer|onderbroek|uitkleden|undress\w*|naakt|naked)|(?:ondergoed|underwear|"
    r"shirt uit|zonder shirt|shirtless|topless|uitkleden|undress\w*|(?:shirt|top|clothes|kleren) "
    r"(?:off|uit))\b[^.]{0,40}?\b(?:foto|fotos|"
    r"pic|pics|picture|photo|photos|video|webcam\w*|cam|camera|facetime)"
)
_ASK = (
    r"wil|wilt|wants|want|vraagt|vroeg|gevraagd|asks|asked|asking|begs|stuurt|sends|sent|"
    r"keeps asking|blijft vragen"
)
_MINOR_ONLINE = (
    r"ik ben (?:pas |net |nog maar )?1[0-6]|i am (?:only |just )?1[0-6]|van 1[0-6]|1[0-6] ?(?:jaa"
    r"r|"
    r"years?|yo)|server|roblox|minecraft|discord|fortnite|gameplatform|game|sounds like [0-9]+|"
    r"says he is [0-9]+ but|(?:een|a|some) (?:gast|man|guy|jongen|vent|dude|stranger|vreemde)|"
    r"iemand|someone"
)

_SH3: tuple[Rule, ...] = (
    rule(
        "sh_escalating",
        "self_harm",
        # "deze week al 3 keer gekrast en het wordt steeds dieper", "cut again after my shift,
        # deeper": more often or deeper, with a self-harm verb and no object.
        r"\b(?:[0-9]+|twee|drie|vier|vijf|zes|paar|few|several|two|three|four|five) (?:keer|x|"
        r"times|maal) (?:<any>)?(?:" + _SH_WOUND_V + r")\b(?! (?:de|het|the|a|an|van|op|"
        r"into|in|my|mijn)\b)|\b(?:" + _SH_WOUND_V + r")\b(?! (?:de|het|the|a|an|van|op|"
        r"into|my|mijn|ui|uien|onions?|vlees|meat|bread|brood)\b)[^.]{0,60}?\b(?:steeds dieper|"
        r"dieper|deeper|diepere|worse each time|erger dan vorige keer)\b",
    ),
    rule(
        "sh_heated_tool",
        "self_harm",
        # "mijn arm expres verbrand met een gloeiende sleutel", "burning my skin with a heated
        # key".
        r"\b(?:gloeiend\w*|hete|heet gemaakt|verhit\w*|heated|hot|red hot|glowing) (?:<any>)?"
        r"(?:sleutel|key|keys|schaar|scissors|paperclip|munt|coin|spijker|nail|mes|knife|lepel|"
        r"spoon|metaal|metal|naald|needle)\b(?=[^.]{0,60}?\b(?:arm|armen|pols|huid|been|dij|skin|"
        r"wrist|arm|leg|thigh|mezelf|myself|me)\b)|\b(?:verbrand|gebrand|brand|brandde|burn|burne"
        r"d|"
        r"burnt|burning) (?:<any>)?(?:met|with) (?:een |a |de |the |mijn |my )?(?:gloeiend\w*|het"
        r"e|"
        r"verhit\w*|heated|hot|red hot|glowing) ",
    ),
    rule(
        "sh_until_mark",
        "self_harm",
        # "punching my legs until they're purple", "elastiekje tegen mn pols tot het openligt",
        # "scratching my arm raw with a fork".
        _both(
            r"(?:" + _HARM_V[3:-1] + r"|elastiekje|elastic|rubber band|punch\w*|scratch\w*|"
            r"krab\w*|knal\w*|sla|sloeg|stomp\w*) (?:<any>)?(?:<me>|<self_en>|mijn [a-z]+|my "
            r"[a-z]+|tegen (?:mijn|me) [a-z]+|against my [a-z]+)|(?:<me>|<self_en>|mijn [a-z]+|my "
            r"[a-z]+) (?:<any>)?(?:" + _HARM_V[3:-1] + r")",
            _UNTIL_MARK,
        ),
    ),
    rule(
        "sh_blade_calm",
        "self_harm",
        # A blade kept close for calm, thrown away and fished back, or wanted again.
        _both(
            _BLADE_SH,
            r"geeft (?:me )?rust|rust geeft|voor de rust|calms? me|kalmeert|veilig voelen|feel sa"
            r"fe|"
            r"(?:weggegooid|thrown away|threw (?:them|it) away)[^.]{0,80}?\b(?:weer|terug|again|"
            r"back)|weer doen|do it again|opnieuw doen|"
            r"weer (?:gepakt|gevist|gehaald|gekocht)|(?:wil|want|drang|urge) (?:<any>)?(?:weer|"
            r"again|opnieuw)",
        ),
    ),
    rule(
        "sh_blood_calm",
        "self_harm",
        # "de enige manier om mn hoofd stil te krijgen is bloed zien", "seeing the red lines".
        _both(
            r"bloed zien|bloed te zien|seeing (?:the |my )?(?:blood|red lines)|see (?:the |my )?"
            r"(?:blood|red lines)|de rode (?:lijnen|strepen)|the red lines",
            r"enige manier|only way|only thing|het enige|enige wat|calms? me|kalmeert|rustig|"
            r"hoofd stil|head quiet|stil te krijgen",
        ),
    ),
    rule(
        "sh_arms_summer",
        "self_harm",
        # Hiding arms or legs "zoals ze nu zijn" at the beach or in short sleeves.
        _both(
            r"korte mouwen|short sleeves|t shirt|bikini|badpak|zwembad|strand|beach|pool|swimsuit|"
            r"zomer|summer",
            r"(?:mijn|my|me) (?:armen|arms|polsen|wrists|dijen|thighs)\b[^.]{0,60}?\b(?:"
            r"zoals ze nu zijn|hoe ze nu zijn|zo als ze nu zijn|worse than|erger dan|the way they "
            r"are|the way they look)|(?:zoals ze nu zijn|worse than last year|erger dan vorig jaa"
            r"r)",
        ),
        guarded=True,
    ),
    rule(
        "sh_lied_marks",
        "self_harm",
        # "told my mum the marks were from the cat. we don't have a cat", "bloed op mn kussensloop,
        # ik zei neusbloeding maar dat was het niet".
        _both(_MARKS, _LIE),
    ),
    rule(
        "sh_fresh_cuts_again",
        "self_harm",
        # Third person: "fresh cuts every monday", "steeds nieuwe sneetjes op haar arm".
        r"\b(?:fresh|new|verse|nieuwe) (?:cuts|sneden|sneetjes|snijwonden|krassen|wounds|wonden|"
        r"scratches|burns|brandwonden)\b[^.]{0,40}?\b(?:every|elke|iedere|steeds|again|weer|on "
        r"(?:her|his|my) (?:arm|arms|wrist|wrists|legs|thighs)|op (?:haar|zijn|mijn) (?:arm|armen|"
        r"pols|polsen|benen|dijen))\b",
    ),
    rule(
        "sh_head_wall",
        "self_harm",
        # "ik bonk mijn hoofd tegen de muur tot ik duizelig word", "hitting my head against the
        # wall when it gets too much": the writer's own head, with a result or a trigger.
        r"\b(?:ik|i) (?:<any>)?(?:bonk\w*|sla|sloeg|ram|ramde|beuk\w*|hit|hitting|bang\w*|slam\w*|"
        r"smash\w*|knal\w*) (?:mijn|my|me) (?:hoofd|kop|head|fist|fists|vuist|vuisten) (?:<any>)?"
        r"(?:tegen|against|into|on) (?:de|the|a|een) (?:muur|wall|deur|door|tafel|table|desk|vloe"
        r"r|"
        r"floor|spiegel|mirror)\b[^.]{0,60}?\b(?:(?:tot|until|till)(?! [0-9]| (?:late|laat|mornin"
        r"g|"
        r"ochtend|midnight|middernacht))|als het|when it|whenever|wanneer|"
        r"elke keer|every time|om (?:iets )?te voelen|to feel|expres|on purpose)\b",
        guarded=True,
    ),
    rule(
        "sh_food_punish",
        "self_harm",
        # Eating as self-punishment: fasting or purging as a "straf", "paying" for a meal.
        _both(_FOOD_DENY, _FOOD_PUNISH),
    ),
)

_AB3: tuple[Rule, ...] = (
    rule(
        "drug_running",
        "abuse",
        # Carrying or selling drugs for older guys, under debt, threats or violence.
        _both(_RUNNING, _COERCE),
        guarded=True,
    ),
    rule(
        "identity_violence",
        "abuse",
        # Violence or confinement at home for who I am: religion, being gay, bi or trans.
        r"^(?=.{0,300}?\b(?:" + _IDENTITY + r")\b)(?=.{0,300}?\b(?:" + _FAMILY_WHO + r")\b)"
        r"(?=.{0,300}?\b(?:" + _PUNISH_ACT + r")\b)",
        guarded=True,
    ),
    rule(
        "thrown_against",
        "abuse",
        # "mn vader heeft me tegen de muur gegooid", "threw me down the stairs".
        r"\b(?:me|mij|hem|haar) (?:<any>)?(?:tegen de (?:muur|kast|deur|grond) (?:aan )?(?:gegooi"
        r"d|"
        r"geduwd|gesmeten|geslingerd|gegooit)|van de trap (?:af )?(?:gegooid|geduwd)|de trap af "
        r"(?:gegooid|geduwd))\b|\b(?:threw|thrown|throws|pushed|pushes|shoved|slammed|slams) "
        r"(?:me|him|her) (?:<any>)?(?:against the wall|down the stairs|into the wall|across the "
        r"room)\b" + _GAME,
    ),
    rule(
        "work_harassment",
        "abuse",
        # A boss grabbing me, or a job threat to keep me quiet.
        r"^(?=.{0,300}?\b"
        + _BOSS
        + r"\b)(?=.{0,300}?\b(?:"
        + _GRAB
        + r")\b(?! (?:me |us |mij )?(?:a|an|some|"
        r"coffee|lunch|food|drinks|koffie|iets)\b))(?=.{0,300}?\b(?:"
        + _JOB_THREAT
        + r"|keeps|steeds|"
        r"always|altijd|again|weer|every|elke|ass|kont|billen|borsten|boobs|breasts|waist|taille|"
        r"body|lichaam)\b)",
    ),
    rule(
        "sex_video_spread",
        "abuse",
        # "onze seksvideo in een groepsapp gezet"; pictures of me online I never shared.
        r"\b(?:seks ?video\w*|sex ?video\w*|seks ?fotos|sex ?pics|seks ?filmpje\w*)\b[^.]{0,60}?\b"
        r"(?:"
        + _SPREAD[3:-1]
        + r"|gezet|op [a-z]+ gezet|iedereen)\b|^(?=.{0,300}?\b(?:fotos|foto|"
        r"pics|pictures|photos|videos) (?:van (?:mij|me)|of me|(?:my ex|mijn ex) (?:took|maakte|"
        r"had))\b)(?=.{0,300}?\b(?:nooit gedeeld|never shared|alleen (?:mijn|me) ex|only my ex|my "
        r"ex took|while i was asleep|toen ik sliep|terwijl ik sliep|zonder (?:mijn )?toestemming|"
        r"without (?:my )?(?:consent|permission))\b)(?=.{0,300}?\b(?:site|website|online|internet|"
        r"fake account|nep ?account|account|porn\w*|porno)\b)",
    ),
    rule(
        "partner_location",
        "abuse",
        # Made to share my location with a partner who then shows up.
        _both(
            r"(?:mijn|me|my) " + _PARTNER,
            r"(?:moet|must|have to|has to|makes me|eist|demands) (?:<any>)?(?:mijn |my |me )?"
            r"(?:live )?(?:locatie|location)",
        )
        + r"(?=.{0,300}?\b(?:anders|or else|boos|angry|mad|staat (?:<any>)?voor|shows up|"
        r"controleert|checks|de hele tijd|all the time|constant\w*|elke (?:minuut|keer)|meteen "
        r"opneem|pick up right away|niet opneem)\b)",
    ),
    rule(
        "owe_partner_friends",
        "abuse",
        # "hij betaalt alles, nu ben ik hem wat schuldig en moet ik met zn vrienden naar een
        # hotel".
        _both(
            r"schuldig|owe him|owe them|terugbetalen|pay (?:him |it )?back|betaalt alles|"
            r"paid for everything|pays for everything|alles voor (?:me|mij) betaalt",
            r"(?:met|with) (?:zijn|zn|his) (?:vrienden|friends|maten)|hotel|klanten|clients|"
            r"naar bed|sleep with|mannen|men",
        )
        + r"(?=.{0,300}?\b(?:moet|moeten|must|have to|has to|makes me|made me|wil dat ik|wants me)"
        r"\b)",
    ),
    rule(
        "hide_from_drunk",
        "abuse",
        # Hiding from a drunk or raging parent: "verstop ik me in de kast tot hij slaapt".
        r"^(?=.{0,300}?\b(?:" + _FAMILY_WHO + r"|" + _PARTNER + r")\b)(?=.{0,300}?\b(?:gedronken|"
        r"dronken|drunk|drinking|woedend|raging)\b)(?=.{0,300}?\b(?:verstop (?:ik )?(?:me|mij|ons"
        r") "
        r"(?:<any>)?(?:in|onder|achter)|(?:hide|hiding|hid) (?:<any>)?(?:in|under|from)|lock "
        r"myself|sluit (?:ik )?(?:me|mij|ons) (?:<any>)?op)\b)",
    ),
    rule(
        "food_withheld",
        "abuse",
        # Food locked away or earned: "slot op de koelkast", "pas eten als het huis schoon is".
        r"\b(?:slot op de (?:koelkast|keuken|kast)|lock on the (?:fridge|kitchen|food)|locks the "
        r"(?:fridge|food)|krijg (?:ik )?(?:pas|geen|alleen) eten (?:als|tot|totdat)|(?:do not|nev"
        r"er) "
        r"get (?:to eat|food) (?:unless|until|till))\b",
    ),
    rule(
        "done_while_out",
        "abuse",
        # "heeft hij dingen met me gedaan terwijl ik half weg was", "i never said yes".
        r"\b(?:dingen|stuff|things|seks|sex) (?:<any>)?(?:met|bij|with|to) (?:me|mij) (?:<any>)?"
        r"(?:gedaan|gedaan terwijl|did|done|deed)\b[^.]{0,60}?\b(?:terwijl ik|toen ik|while i|whe"
        r"n "
        r"i) (?:<any>)?(?:half weg|weg|sliep|asleep|out of it|dronken|drunk|passed out|bewusteloo"
        r"s|"
        r"unconscious|out|half bewusteloos)\b|\b(?:ik heb )?nooit ja gezegd\b|\bi never said yes"
        r"\b",
    ),
    rule(
        "undressed_request",
        "abuse",
        # An online person or an adult asking a minor for a photo in underwear or on cam shirtless.
        _both(r"(?:" + _ASK + r")\b[^.]{0,60}?\b(?:" + _UNDIES_REQ + r")", _MINOR_ONLINE),
    ),
    rule(
        "meet_alone_minor",
        "abuse",
        # "says he's 15 but sounds like 30 and wants to meet me alone, i'm 13".
        _both(
            r"(?:meet|afspreken|zien) (?:me |mij )?(?:alone|alleen|in secret|stiekem)",
            r"ik ben (?:pas |net |nog maar )?1[0-5]|i am (?:only |just )?1[0-5]|sounds like "
            r"[0-9]+|says he is [0-9]+ but|zegt dat hij [0-9]+ is",
        ),
    ),
    rule(
        "adult_walks_in",
        "abuse",
        # "my stepdad keeps walking in when i shower", "mijn oom komt steeds binnen als ik douche".
        r"^(?=.{0,300}?\b(?:" + _ADULT_NL + r"|" + _ADULT_EN + r"|(?:my|mijn) stepdad)\b)"
        r"(?=.{0,300}?\b(?:walking in|walks in|walked in|comes in|binnen ?(?:komt|lopen|loopt|"
        r"kwam)|komt (?:<any>)?binnen|loopt (?:<any>)?binnen|watches me|kijkt (?:<any>)?naar (?:m"
        r"e|"
        r"mij))\b)(?=.{0,300}?\b(?:shower|showering|douche|douchen|badkamer|bathroom|bath|changin"
        r"g|"
        r"omkleed|omkleden)\b)(?=.{0,300}?\b(?:keeps|steeds|elke keer|every time|always|altijd|"
        r"blijft|normal|normaal)\b)",
    ),
    rule(
        "intruder_in_room",
        "abuse",
        # Waking up with an ex standing in my room.
        r"^(?=.{0,300}?\b(?:" + _STALKER[3:-1] + r")\b)(?=.{0,300}?\b(?:standing|staan|staat|"
        r"stond|sitting|sits) (?:<any>)?(?:in|naast|over|by|at) (?:mijn|my|me) (?:kamer|room|"
        r"slaapkamer|bedroom|bed)\b)",
        guarded=True,
    ),
    rule(
        "partner_threat_bruises",
        "abuse",
        # Bruises again and a partner shouting he will "get" her.
        _both(
            r"blauwe plekken|bruises|bruised",
            r"(?:gaat|ga|going to|gonna) (?:haar|hem|je|jou|me|mij|her|him|you) (?:<any>)?"
            r"(?:pakken|get)|(?:schreeuw\w*|yell\w*|scream\w*) (?:<any>)?(?:dat|that|at (?:her|"
            r"him|me))",
        )
        + r"(?=.{0,300}?\b(?:haar|her|zijn|his|mijn|my|me) "
        + _PARTNER
        + r"\b)",
    ),
    rule(
        "kicked_out_outside",
        "abuse",
        # Thrown out by family and sleeping outside: "slaap buiten sinds mn moeder me eruit
        # gooide".
        _both(
            r"(?:eruit|er uit|uit huis|op straat|buiten) (?:<any>)?(?:gegooid|gezet|gooide|zette|"
            r"geschopt)|(?:gooide|zette|schopte) (?:<any>)?(?:me|mij) (?:<any>)?(?:eruit|er uit|u"
            r"it "
            r"huis|op straat)|(?:kicked|threw|thrown|kicks|throws|put) (?:me )?out\b(?! of (?:the"
            r" |a "
            r"|my |our )?(?:kitchen|room|living room|class|group|chat|game|team|car|bar|party|cal"
            r"l|"
            r"lobby|match|server|discord|club|band))|disowned|verstoten",
            r"slaap (?:<any>)?(?:buiten|op straat|in het park|bij het station|in de trein|op een "
            r"bankje)|sleep (?:<any>)?(?:outside|rough|on the street|in the park|at the station|o"
            r"n a "
            r"bench|in my car)|sleeping (?:outside|rough|on the street|in the park|in my car)|"
            r"homeless|dakloos|geen slaapplek|nowhere to sleep|no place to sleep|nergens (?:<any>"
            r")?"
            r"slapen",
        )
        + r"(?=.{0,300}?\b(?:"
        + _FAMILY_WHO
        + r")\b)",
        guarded=True,
    ),
    rule(
        "sex_for_shelter",
        "abuse",
        # A bed or a roof offered for sex: "slaapplek als ik seks met hem heb".
        _both(
            r"slaapplek|slapen bij|onderdak|logeren|stay (?:at|with)|sleep (?:at|over)|place to "
            r"(?:stay|sleep)|a bed|een bed|crash at",
            r"(?:als|if|in ruil|in exchange|zolang|as long as) (?:<any>)?(?:ik|i)? ?(?:<any>)?"
            r"(?:seks|sex|sleep with|met (?:hem|haar|hun|ze) naar bed|slaap met|nudes|pay him in|"
            r"iets terug doe)|(?:in ruil voor|in exchange for) (?:<any>)?(?:seks|sex|nudes|favour"
            r"s|"
            r"favors)",
        ),
    ),
    rule(
        "filmed_secretly",
        "abuse",
        # Filmed without knowing: sex or nudity recorded and shared.
        _both(
            r"(?:filmed|recorded|filmde|gefilmd|opgenomen|filmt|films) (?:<any>)?(?:without "
            r"(?:me|my) (?:knowing|consent|permission)|secretly|stiekem|zonder (?:dat ik het wist|"
            r"(?:mijn )?toestemming))|(?:ik wist niet|i did not know) (?:<any>)?(?:dat|that) "
            r"(?:hij|ze|he|she|they) (?:<any>)?(?:filmde|filmed|opnam|recorded)|secretly (?:filme"
            r"d|"
            r"recorded)|stiekem (?:gefilmd|gefilmt|opgenomen)",
            r"sex|seks|us|ons|naked|naakt|porn\w*|site|online|rond|group|groep\w*|shared|gedeeld|"
            r"shower\w*|douche\w*|omkleed\w*|changing",
        ),
    ),
    rule(
        "pics_from_minor",
        "abuse",
        # Someone asks a minor for nudes, or for pictures against money or gifts.
        _both(
            r"(?:"
            + _ASK
            + r"|wil dat ik|wants me to|asks me to) (?:<any>)?(?:"
            + _NUDES[3:-1]
            + r"|naaktfotos|pics|fotos|photos|pictures|foto|pic)",
            r"ik ben (?:pas |net |nog maar )?1[0-6]|i am (?:only |just )?1[0-6]|van 1[0-6]\b",
        )
        + r"(?=.{0,300}?\b(?:"
        + _NUDES[3:-1]
        + r"|naakt\w*|naked)\b|(?=.{0,300}?\b(?:money|geld|"
        r"gift\w*|cadeau\w*|robux|v bucks|vbucks|skins|giftcard\w*|betaalt|pays|paid)\b).{0,300}?"
        r"\b(?:server|roblox|minecraft|discord|fortnite|game|online|snap|insta|(?:een|a|some) (?:"
        r"gast|"
        r"man|guy|jongen|vent|dude|stranger|vreemde)|iemand|someone)\b)",
    ),
    rule(
        "unwanted_while_drunk",
        "abuse",
        # "doet hij dingen met me die ik niet wil", "woke up and he was having sex with me".
        r"\b(?:dingen|stuff|things) (?:met|bij|to|with) (?:me|mij) (?:<any>)?(?:die|wat|that)? ?("
        r"?:ik|"
        r"i) (?:niet|nie|did not|do not|dont|didnt) (?:<any>)?(?:wil|wilde|want|wanted)\b|\b(?:wo"
        r"ke up|"
        r"wakker werd|wakker word|werd wakker|word wakker) (?:<any>)?(?:en |and )?(?:he|hij|someo"
        r"ne|"
        r"iemand|hem|him) (?:<any>)?(?:having sex with me|was having sex|seks (?:met|had met) "
        r"(?:me|mij)|on top of me|boven op me|bovenop me|in me|touching me|aan me zat|aan me zitt"
        r"en)"
        r"|\b(?:made|makes|forced|liet|laat) (?:me|mij) (?:<any>)?(?:do|doen) (?:<any>)?(?:things"
        r"|stuff|dingen)"
        r"[^.]{0,30}?\b(?:i|ik) (?:<any>)?(?:did not|didnt|do not|niet|nie) (?:<any>)?(?:understa"
        r"nd|"
        r"want|begreep|snapte|wilde)\b"
        r"|\b(?:too drunk|te dronken|too high|te high|te stoned) (?:<any>)?(?:to say no|om nee te "
        r"zeggen|to stop (?:him|them)|om (?:hem|ze) te stoppen)\b",
    ),
    rule(
        "forced_marriage_unwilling",
        "abuse",
        # A husband chosen for me, or taken abroad to marry, and I do not want it.
        _both(
            r"(?:een|a) (?:man|jongen|vrouw|husband|wife|guy|meisje) voor (?:me|mij) (?:<any>)?"
            r"(?:uitgekozen|gekozen|geregeld|gevonden)|chosen (?:a husband|a wife|someone|a man) "
            r"for me|(?:nemen|neemt|meenemen|take|taking|takes) (?:me|mij) (?:<any>)?(?:mee )?(?:"
            r"<any>)?(?:om te trouwen|to (?:get )?marr\w*)|uithuwelijk\w*|arranged marriage|"
            r"(?:gedwongen|forced|dwingen|dwingt) (?:<any>)?(?:te )?(?:trouwen|marr\w*)|(?:moet|m"
            r"ust|"
            r"have to) (?:<any>)?(?:trouwen met|marry) (?:<any>)?(?:neef|cousin|man|guy|jongen)",
            r"ik wil (?:het |hem |dat )?(?:niet|nie)|i (?:do not|dont) want|mag (?:ik )?geen nee|"
            r"(?:can not|cannot|cant) (?:say no|refuse)|no choice|geen (?:keus|keuze)|niet weiger"
            r"en",
        ),
    ),
    rule(
        "papers_taken",
        "abuse",
        # "ze hebben mijn paspoort afgepakt zodat ik niet weg kan".
        _both(
            r"(?:afgepakt|afgenomen|ingenomen|took|taken|takes|keeps|houdt|hield) (?:<any>)?(?:mi"
            r"jn|"
            r"my) (?:paspoort|passport|id|id kaart|verblijfsvergunning|papieren|papers|documents)|"
            r"(?:mijn|my) (?:paspoort|passport|papieren|papers|documents|id) (?:<any>)?(?:afgepak"
            r"t|"
            r"afgenomen|ingenomen|taken|weg)",
            r"zodat ik (?:<any>)?(?:niet|nie|nergens)|so (?:that )?i (?:can not|cant|cannot)|niet "
            r"weg kan|(?:can not|cannot|cant) (?:leave|go)",
        ),
    ),
    rule(
        "debt_threat",
        "abuse",
        # Owed money and "we know where you live".
        _both(
            r"schuldig|owe|schulden|debt",
            r"(?:weten|weet) (?:<any>)?waar ik (?:woon|slaap|werk|ben)|(?:know|knows) (?:<any>)?"
            r"where i (?:live|sleep|work|am)|weet (?:<any>)?(?:me|mij) te vinden|(?:know|knows) "
            r"where to find me",
        )
        + r"(?=.{0,300}?\b(?:zeggen|zegt|zei|zeiden|said|says|say|dreig\w*|gedreig\w*|threat\w*|"
        r"texted|appt|appte|gasten|guys|dealer|men|mannen)\b)",
        guarded=True,
    ),
    rule(
        "pulled_into_car",
        "abuse",
        # "ze hebben me in een auto getrokken", "dragged me into their van".
        r"\b(?:me|mij|haar|hem) (?:<any>)?in (?:een|de|hun|zijn|die) (?:auto|busje|bus|wagen) "
        r"(?:getrokken|gesleurd|geduwd|gegooid)\b|\b(?:pulled|dragged|pushed|forced|shoved|threw) "
        r"(?:me|her|him) into (?:a|the|their|his|some) (?:car|van|truck)\b",
    ),
    rule(
        "held_until_sexual",
        "abuse",
        # "wouldn't let me leave until i kissed him", "liet me niet gaan tot ik hem zoende".
        r"\b(?:would not|will not|did not|didnt|wont|wouldnt|liet|laat|lieten) (?:<any>)?(?:let m"
        r"e "
        r"(?:leave|go|out)|(?:me|mij) (?:<any>)?(?:niet|nie) (?:<any>)?(?:gaan|weg|weggaan|"
        r"vertrekken|eruit))\b[^.]{0,60}?\b(?:until|till|tot|unless|tenzij|voordat|before) (?:<an"
        r"y>)?"
        r"(?:kissed (?:him|her)|kiss (?:him|her)|hem (?:<any>)?(?:zoende|kuste|zoen|kus)|(?:zoend"
        r"e|"
        r"kuste|zoen|kus) hem|sex|seks|touch\w*|aanraak\w*|aanraken|pijp\w*|blow\w*|undress\w*|"
        r"uitkleed\w*)",
    ),
    rule(
        "partner_self_threat",
        "abuse",
        # Coercion by a partner's threat to hurt himself if I leave.
        r"\b(?:zichzelf|himself|herself) (?:<any>)?(?:iets )?(?:aandoet|aan doet|aan zal doen|"
        r"vermoordt|doodmaakt|van kant maakt|kills?|will kill|ll kill|hurts?|will hurt) (?:<any>)?"
        r"(?:als|if|when|wanneer) (?:ik|i) (?:<any>)?(?:het uitmaak|uitmaak|wegga|weg ga|vertrek|"
        r"leave|break up|go)\b|\b(?:als|if) (?:ik|i) (?:<any>)?(?:het uitmaak|uitmaak|wegga|leave|"
        r"break up) (?:<any>)?(?:doet|will|ll) (?:hij|zij|ze|he|she) (?:<any>)?(?:zichzelf|himsel"
        r"f|"
        r"herself)\b",
    ),
    rule(
        "grip_bruises",
        "abuse",
        # "mijn vriend knijpt zo hard in mijn arm dat ik blauwe plekken heb".
        r"\b(?:hij|zij|ze|he|she|they|<who_nl>|<who_en>) (?:<any>)?(?:knijpt|kneep|grijpt|greep|"
        r"pakt|pakte|slaat|sloeg|duwt|duwde|grabs|grabbed|squeezes|squeezed|grips|gripped|"
        r"pinches|pinched) (?:<any>)?(?:me|mij|mijn|my)\b[^.]{0,40}?\b(?<!geen )(?<!no )(?:blauwe "
        r"plekken|bruises|bruised|blauw)\b"
        + _GAME
        + r"|\b(?:pakte|pakt|greep|grijpt|grabbed|grabs) "
        r"(?:<any>)?(?:mijn|me|m|haar|my|her) (?:keel|throat)\b(?! ?snoep)",
        guarded=True,
    ),
    rule(
        "pinned_down",
        "abuse",
        # "my boyfriend pinned me down and wouldn't let me go".
        r"\b(?:pinned|pins|pinning|held|holds) me down\b|\b(?:drukte|drukt|hield|houdt) (?:me|mij"
        r") "
        r"(?:<any>)?(?:tegen de grond|op de grond|op het bed|neer)\b",
        guarded=True,
    ),
    rule(
        "doxxed_threat",
        "abuse",
        # My address posted online with a threat: "says they'll come for me".
        _both(
            r"(?:posting|posted|posts|shares|shared|sharing|gedeeld|gepost|deelt|zet|zette|"
            r"leaked|gelekt) (?:<any>)?(?:my|mijn) (?:home )?(?:address|adres|huisadres)",
            r"come for me|come after me|komen (?:me|mij) halen|(?:komt|komen) (?:<any>)?(?:me|mij"
            r") "
            r"(?:<any>)?(?:pakken|halen)|kill me|hurt me|vermoord\w*|pakken|threat\w*|dreig\w*|"
            r"gedreig\w*",
        ),
    ),
    rule(
        "group_attack",
        "abuse",
        # "in elkaar getrapt door een groep", "a group of guys jumped me".
        r"\bin elkaar (?:getrapt|gebeukt|gemept|geschopt)\b|\b(?:guys|group|gang|men|boys|people|"
        r"someone|they|kids|some [a-z]+) (?:<any>)?(?:jumped|mugged|attacked|beat up|ambushed) "
        r"(?:me|him|her|my [a-z]+)\b" + _GAME,
        guarded=True,
    ),
    rule(
        "neglect_no_food",
        "abuse",
        # "mijn moeder laat me dagen alleen thuis zonder eten", "my parents don't feed me".
        r"^(?=.{0,300}?\b(?:" + _FAMILY_WHO + r")\b)(?=.{0,300}?\b(?:zonder eten|without food|"
        r"(?:do not|dont|never|did not|will not) feed me|geven (?:me|mij) (?:<any>)?(?:geen|niks) "
        r"(?:te )?eten|krijg (?:<any>)?geen eten)\b)(?=.{0,300}?\b(?:dagen|days|weken|weeks|"
        r"feed|lock|locks|buitengesloten)\b)",
        guarded=True,
    ),
    rule(
        "touched_intimate_place",
        "abuse",
        # "mijn trainer heeft me in de kleedkamer aangeraakt", "my coach touched me in the shower".
        r"^(?!.{0,300}?\b(?:fysio\w*|physio\w*|dokter|arts|huisarts|doctor|nurse|verpleeg\w*|"
        r"massage\w*|kapper)\b)(?=.{0,300}?\b(?:aangeraakt|aangezeten|touched me|touches me|touch"
        r"ing me|raakt (?:me|mij) "
        r"aan|raakte (?:me|mij) aan)\b)(?=.{0,300}?\b(?:kleedkamer|douche|changing room|locker "
        r"room|shower|onder (?:mijn|m) (?:kleren|broek|shirt)|under my (?:clothes|shirt|pants)|"
        r"ongewenst|op plekken|private parts|down there|daar beneden|in bed)\b)",
    ),
    rule(
        "keeps_threatening",
        "abuse",
        # "mijn ex blijft me bedreigen via snapchat".
        r"\b(?:blijft|blijven|bleef|bleven) (?:me|mij) (?:<any>)?(?:bedreigen|slaan|stalken|"
        r"chanteren|afpersen|schoppen|mishandelen)\b",
    ),
    rule(
        "exposed_to_minor",
        "abuse",
        # "hij stuurde me een foto van zijn piemel", "showed me his dick".
        r"\b(?:foto|fotos|pic|pics|picture|video|filmpje) (?:<any>)?(?:van|of) (?:zijn|his) "
        r"(?:piemel|lul|penis|dick|pik|kruis|cock)\b|\b(?:liet|laat|showed|shows|flashed) (?:me|"
        r"mij) (?:<any>)?(?:zijn|his) (?:piemel|lul|penis|dick|pik|cock)\b|\bexposed himself\b",
    ),
    rule(
        "lured_with_offer",
        "abuse",
        # A stranger offers money or a ride to come along.
        _both(
            r"(?:biedt|bood|aanbiedt|aanbood|offers|offered|offering) (?:<any>)?(?:me|mij) "
            r"(?:<any>)?(?:geld|money|snoep|candy|drugs|een lift|a ride|cash)|(?:me|mij) (?:<any>"
            r")?"
            r"(?:geld|snoep|drugs|een lift) (?:<any>)?(?:aanbiedt|aanbood|biedt|bood|aanbieden)",
            r"mee te (?:gaan|komen|rijden)|mee (?:gaan|komen)|come with|go with|get in|in te "
            r"stappen|instappen",
        ),
    ),
    rule(
        "locked_in_room",
        "abuse",
        # "my housemate's boyfriend locks her in her room when he's angry".
        r"^(?!.{0,300}?\b(?:game|gamen|fortnite|minecraft|roblox|gta|sims|spel|spelletje|"
        r"character|personage|film|movie|serie|series|boek|book|verstoppertje|hide and seek|"
        r"prank|grap|grapje|joke)\b).{0,300}?"
        r"\b(?:locks|locked|locking|sluit|sloot) (?:her|him|me|haar|hem|mij|me) (?:<any>)?(?:in|o"
        r"p) "
        r"(?:(?:her|his|my|the|a|haar|zijn|mijn|de|een) )?(?:room|kamer|closet|kast|bathroom|"
        r"badkamer|house|huis|basement|kelder|schuur|shed)\b",
    ),
)


SELF_HARM: tuple[Rule, ...] = (
    rule(
        "cut_self_nl",
        "self_harm",
        r"\b"
        + _CUT_NL
        + r" (?:<any>)(?:<me>|in (?:<me>|mijn "
        + _BODY
        + r"|me "
        + _BODY
        + r")|mijn "
        + _BODY
        + r"|me "
        + _BODY
        + r")\b",
    ),
    rule(
        "cut_body_nl",
        "self_harm",
        r"\b"
        + _BODY
        + r" (?:<any>)(?:open ?gekrast|kapot ?gekrast|open ?gesneden|kapot ?gesneden|"
        r"gekrast|gesneden|opengehaald|kapotgemaakt)\b",
    ),
    rule(
        "cut_into_self_nl",
        "self_harm",
        r"\bin (?:<me>|mijn " + _BODY + r"|me " + _BODY + r") (?:te )?(?:snijden|gesneden|snij|"
        r"gekrast|krassen|kras|branden|gebrand)",
    ),
    rule(
        "scratch_nl",
        "self_harm",
        r"\b(?:<i>|hij|zij|ze|mijn (?!kat|hond|poes|konijn)\w+) (?:<any>)(?:kras|krast|kraste|kras"
        r"ten)"
        r"\b(?! (?:op|in|de|het|een|mijn|aan|tegen)\b)|\b(?:aan het|weer|ben|was|doe|deed|"
        r"om te|moet) (?:weer |aan het )?(?:krassen|snijden)<end>|\b(?:heb|had|hebben|heeft) "
        r"(?:weer |me |mezelf |gisteren |vannacht |vandaag |opnieuw |toch )*(?:gekrast|gesneden)"
        r"<end>|\b(?:drang|zin|behoefte|neiging) (?:om |in |tot )?(?:te )?(?:krassen|snijden|"
        r"mezelf (?:te )?(?:snijden|krassen|pijn te doen))",
    ),
    rule(
        "hurt_self_nl",
        "self_harm",
        r"\b(?:mezelf|mijzelf|mijn ?zelf|zichzelf|haarzelf|hemzelf|me expres|me bewust) "
        r"(?:<any>)(?:pijn|zeer) (?:doen|doe|te doen|gedaan|doet|deed)\b|\b(?:doe|doet|deed|deden)"
        r" (?:<me>) "
        r"(?:expres |weer |soms |bewust |graag )*pijn\b|\b(?:mezelf|mijzelf|zichzelf|haarzelf) "
        r"(?:<any>)(?:beschadigen|verwonden|slaan|sla|slaat|branden|brand|krabben|bijten|"
        r"snijden|krassen|kapot ?maken|straffen|uithongeren|beschadig|gesneden|gekrast|gebrand|"
        r"beschadigd|verwond)\b|\b(?:sla|slaat|brand|brandt|kras|krast|krab|bijt|beschadig|"
        r"verwond|straf|snij|snijd|snijdt) (?:<any>)(?:mezelf|mijzelf|zichzelf|haarzelf|"
        r"hemzelf)\b",
    ),
    rule(
        "self_harm_sh",
        "self_harm",
        r"\bsh (?:again|weer|urges|urge|scars|scar|relapse|littekens|drang|wonden|wounds|cuts)\b|"
        r"\b(?:relapsed|relapse|relaps|clean from|clean of|did|doing|started|deed|doe|gedaan|"
        r"terugval|weer|do) (?:on |met |aan |with )?sh\b",
    ),
    rule(
        "self_harm_personal",
        "self_harm",
        r"\b(?:<i>|ben|am|hij|zij|ze|mijn \w+) (?:<any>)(?:doe|doet|deed|heb|heeft|had|do|did|"
        r"have|has|started|start) <any>(?:aan )?(?:self ?harm\w*|zelf ?beschadiging|"
        r"automutilatie)",
    ),
    rule(
        "cut_self_en",
        "self_harm",
        r"\b(?=[a-z])(?<!never )(?<!not )(?<!no )(?:cut|cuting|cuts|cutting|burn|burning|burned|"
        r"burnt|hurt|"
        r"hurting|harm|harming|hit|"
        r"hitting|punch|punching|scratch|scratching|starve|starving|carve|carving|bite|biting|"
        r"punish|punishing|punished) (?:<self_en>)\b(?! (?:off|out|some slack|short)\b)|"
        r"\b(?:slit|slice|cut|cutting|slitting) (?:my|her|his|their) (?:wrists|"
        r"wrist|arms|arm|thighs|thigh|legs)\b|\b(?:been|started|start|keep|kept|am|is|are) "
        r"cutting (?:again|myself|deeper)\b|\bcutting again\b|\burges to (?:cut|self harm)\b",
    ),
    rule(
        "wrists_nl",
        "suicide",
        r"\b(?:pols|polsen|aders) (?:door ?snijden|doorgesneden|doorsnijden|open ?snijden|"
        r"opensnijden)\b",
    ),
    rule(
        "self_harm_word",
        "self_harm",
        r"\b(?:self ?harm\w*|zelf ?beschadiging\w*|automutilatie|zelfverwonding)\b",
        guarded=True,
    ),
    # --- held-out families (2026-11): wounds, scars, deserved pain ---------------------------
    rule(
        "cut_done_nl",
        "self_harm",
        r"\b(?:heb|had|hebben|heeft) (?:(?:ik|k|weer|me|mezelf|zichzelf|gisteren|"
        r"vannacht|vandaag|opnieuw|toch|net|zojuist|alweer|nog|ook|echt|alsnog|expres|stiekem) )*"
        r"(?:gekrast|"
        r"gesneden)\b(?! (?:in|op|aan|uit|van|voor) (?:de|het|een|die|dat)\b)",
    ),
    rule(
        "wounds_on_body",
        "self_harm",
        r"\b(?:mijn|my|me|haar|zijn|her|his|their) (?:" + _BODY + r"|" + _BODY_EN + r")(?: (?:en|"
        r"and) (?:" + _BODY + r"|" + _BODY_EN + r"))? (?:<any>)(?:onder|vol|covered in|covered "
        r"with|full of|allemaal|helemaal|all) (?:de |met |the |in |vol )?"
        + _WOUNDS
        + r"\b(?!"
        + _INNOCENT_CAUSE
        + r")"
        r"|\b" + _WOUNDS + r" (?:op|in|on|all over) (?:de |haar |zijn |mijn |me |her |his |my |"
        r"their )?(?:" + _BODY + r"|" + _BODY_EN + r")\b(?!" + _INNOCENT_CAUSE + r")",
        guarded=True,
    ),
    rule(
        "hide_scars",
        "self_harm",
        r"\b(?:verberg|verbergen|verstop|verstoppen|hide|hiding|hid|cover up|covering up|lange "
        r"mouwen|long sleeves) <far>(?:littekens|snen|sneden|snijwonden|wonden|scars|cuts|wounds)"
        r"\b(?! (?:van|from|of) (?:acne|mijn operatie|surgery|a fall))",
        guarded=True,
    ),
    rule(
        "deserve_pain",
        "self_harm",
        r"\b(?:ik|k|i) (?:<adv>)(?:really |just |honestly )?(?:verdien|verdiende|deserve|deserved)"
        r" (?:het )?(?:om )?(?:pijn|te lijden|straf|gestraft te worden|pain|to suffer|to be hurt|"
        r"to hurt|to feel pain|punishment|to be punished|to bleed|te bloeden)\b",
    ),
    rule(
        "until_bleeding",
        "self_harm",
        r"\b(?:" + _BODY + r"|" + _BODY_EN + r"|<me>|<self_en>) <far>(?:tot|till|until|til|untill)"
        r" (?:het|ze|t|it|they|ik|i) (?:<any>)(?:bloedt|bloeden|bloedde|bleeds|bleed|bled|"
        r"bleeding)\b",
    ),
    rule(
        "clean_from_sh",
        "self_harm",
        r"\bclean (?:van|from|of|off) (?:het )?(?:krassen|snijden|zelfbeschadiging|self harm|sh|"
        r"cutting|harming)\b",
    ),
    # --- held-out families (2026-11-28): intent, relapse, blades, hiding, relief, starving ----
    rule(
        "self_harm_on_purpose",
        "self_harm",
        # Act on one's own body + intent or outcome in the same sentence, either order:
        # "burned my arm with a hot spoon on purpose", "expres mijn hand gebrand".
        _gated(
            _INTENT_GATE,
            _NOT_OTHER
            + r"\b"
            + _HARM_V
            + r" (?:<any>)(?:mezelf|mijzelf|<self_en>|"
            + _OWN_BODY
            + r")(?="
            + _SENTENCE
            + r"\b"
            + _INTENT
            + r")|(?<!heeft )(?<!hebben )\b"
            + _INTENT
            + r" (?:<any>)(?:mezelf|mijzelf|<self_en>|"
            + _OWN_BODY
            + r") (?:<any>)"
            + _HARM_V
            + r"\b",
        ),
    ),
    rule(
        "self_harm_heat",
        "self_harm",
        # A lighter, cigarette or hot spoon held to one's own skin: "held a lighter to my wrist",
        # "een aansteker tegen mijn arm gehouden", "burned my arm with a hot spoon".
        _gated(
            _HEAT_GATE,
            _NOT_OTHER
            + r"\b(?:hield|hou|houd|houden|druk|drukte|drukken|leg|legde|zet|zette|hold|"
            r"held|holding|press|pressed|pressing|put|putting) (?:<any>)"
            + _HEAT
            + r" (?:<any>)?(?:tegen|"
            r"op|on|to|against|onto|in) "
            + _OWN_BODY
            + r"|\b"
            + _HEAT
            + r" (?:<any>)?(?:tegen|op|aan) "
            + _OWN_BODY
            + r" (?:<any>)?(?:gehouden|gedrukt|gelegd|gezet)\b|"
            + _NOT_OTHER
            + r"\b(?:"
            r"burn|burns|burned|burnt|burning|brand|brandt|brandde|gebrand|verbrand|verbrandde) "
            r"(?:<any>)(?:mezelf|mijzelf|<self_en>|"
            + _OWN_BODY
            + r") (?:<any>)?(?:with|met) (?:a |an "
            r"|the |een |de |het |mijn |my )?" + _HEAT + r"\b",
        ),
    ),
    rule(
        "self_harm_walls",
        "self_harm",
        # Hitting walls or doors until it bleeds or on purpose ("i punch walls until my
        # knuckles bleed"); "banging my head against the wall" alone is an idiom.
        _gated(
            _INTENT_GATE,
            _NOT_OTHER + r"\b(?:sla|sloeg|stomp|stompte|beuk|beukte|bonk|bonkte|ram|ramde|knal|"
            r"knalde|schop|schopte|punch|punches|punched|punching|hit|hits|hitting|bang|banged|"
            r"banging|bash|bashing|slam|slamming|smash|smashing|kick|kicking) (?:<any>)(?:tegen |"
            r"against |into |on )?(?:de |the |a |een )?(?:muur|muren|wall|walls|deur|deuren|door|"
            r"doors|spiegel|mirror)\b(?=" + _SENTENCE + r"\b" + _INTENT + r")",
        ),
    ),
    rule(
        "cut_intent_en",
        "self_harm",
        # "gonna cut tonight", "is it normal to cut just to feel something", "cutting helps me
        # cope"; a haircut, a class or carbs have an object and never match.
        r"\b(?=cut)(?<!a )(?<!the )(?<!hair )(?<!paper )(?:cut|cutting)\b(?= (?:just |only |"
        r"myself |"
        r"again |more |even )*(?:to feel|to cope|to numb|to calm|to forget|to punish|to get "
        r"through|tonight|so bad|so badly|deeper|again (?:tonight|today|last night|after)|idc|"
        r"i do not care|every (?:night|day|time)|when i (?:feel|am|get)|because i (?:feel|"
        r"deserve|hate)|helps|helped|calms))",
    ),
    rule(
        "cut_intent_nl",
        "self_harm",
        # "ik ga zo weer krassen denk ik", "ik denk dat ik vanavond weer ga snijden".
        r"(?:\b<i> " + _ADV_SH + r"(?:ga|wil|zal|ging|wou|moet|moest|kan)|\b(?:ga|wil|zal|ging|"
        r"wou|moet|moest) (?:ik|k)) " + _ADV_SH + r"(?:krassen|snijden)\b(?! (?:op|"
        r"in|aan|de|het|een|van|uit|met|voor|die|dat|deze|dit|je|jullie|haar|hem|en dan|en het)"
        r"\b)",
    ),
    rule(
        "self_harm_relapse",
        "self_harm",
        # "ik heb een terugval gehad met snijden", "was 4 maanden clean maar vanavond ging het
        # weer mis met het mesje", "relapsed on cutting"; a relapse alone (sugar) does not.
        _gated(
            r"terugval\w*|teruggevallen|relapse\w*|relaps|clean|mis|misgaat|slipped|slip|"
            r"begonnen|started|zonder|gestopt|stoppen|stopped|without|quit",
            r"\b"
            + _RELAPSE
            + r"\b"
            + _SENTENCE
            + r"\b"
            + _SH_ACT
            + r"\b|\b"
            + _SH_ACT
            + r"\b"
            + _SENTENCE
            + r"\b(?:terugval|teruggevallen|relapse\w*|relaps|"
            + _CLEAN[3:-1]
            + r"|(?:weer )?mis ?(?:ging|gegaan|gaat))\b|\b(?:zonder|gestopt met|stoppen met|"
            r"stopped|without|quit) (?:te )?(?:krassen|snijden|cutting|self ?harm\w*|sh|"
            r"mezelf pijn "
            r"te doen)\b[^.]{0,60}?\b(?:weer|again|opnieuw|terugval|relapse\w*|mis)\b",
        ),
    ),
    rule(
        "hidden_blades",
        "self_harm",
        # Blades hidden or kept "just in case": "mesjes in mn etui verstopt voor als het weer
        # misgaat", "i keep a blade in my room just in case", a sharpener taken apart.
        r"\b" + _BLADE + r"\b" + _SENTENCE + r"\b(?:verstopt|verborgen|hidden|stashed|just in "
        r"case|in case|voor als|voor het geval|voor noodgevallen|for emergencies|for when|"
        r"uit elkaar|taken apart|took apart)\b|\b(?:verstop|verstopte|verstoppen|hide|hid|hiding|"
        r"stash|stashed|keep|kept|keeping|bewaar|bewaarde|bewaren) (?:<any>)"
        + _BLADE
        + r"\b(?="
        + _SENTENCE
        + r"\b(?:just in case|in case|voor als|voor het geval|for when|"
        r"verstopt|hidden|in (?:mijn|my) (?:etui|pencil case|portemonnee|wallet|la|drawer|"
        r"kamer|room|tas|bag|phone case|hoesje))\b)|\b(?:took|take|taking|haal|haalde|gehaald|"
        r"pak|pakte|gepakt) (?:<any>)(?:the |a |het |een |de )?(?:blade|blades|mesje|mesjes) "
        r"(?:out of|uit)\b",
    ),
    rule(
        "hide_marks",
        "self_harm",
        # Sleeves, hoodies or bracelets worn so nobody sees the arms or the marks.
        r"\b" + _GARMENT + r"\b" + _SENTENCE + r"\b(?:zodat|so|zo dat|om|to hide|te verbergen|te "
        r"verstoppen)\b[^.]{0,40}?\b" + _HIDDEN_PART + r"\b(?!" + _INNOCENT_CAUSE + r")"
        r"|\b(?:verberg\w*|verstop\w*|hide|hides|hiding|hid|cover|covers|covering|covered) "
        r"(?:<any>)" + _HIDDEN_PART + r" (?:<any>)?(?:met|with|under|onder|behind|achter) "
        r"(?:<any>)?" + _GARMENT + r"\b",
        guarded=True,
    ),
    rule(
        "marks_on_body",
        "self_harm",
        r"\b(?:new|fresh|red|more|nieuwe|verse|rode) (?:<any>)?(?:marks|cuts|sneetjes|sneden|"
        r"wondjes|krassen|scars|littekens) (?:op|on|all over) (?:<any>)?(?:"
        + _BODY
        + r"|"
        + _BODY_EN
        + r")\b(?!"
        + _INNOCENT_CAUSE
        + r")|\b(?:cut up|sliced up|scratched up|"
        r"opengekraste|opengesneden|kapotgekraste|gesneden) (?:"
        + _BODY
        + r"|"
        + _BODY_EN
        + r")\b",
        guarded=True,
    ),
    rule(
        "scratch_open",
        "self_harm",
        # "krab ik mijn armen weer open", "ik kras mijn huid open".
        r"\b(?:krab|krabt|krabde|krabben|kras|krast|kraste|krassen|snij|snijdt|sneed|peuter|"
        r"peutert|pulk|pulkt) (?:<any>)(?:mijn|me|haar|zijn|zn) (?:" + _BODY + r"|handen|hand|"
        r"vingers|nagelriemen|gezicht|hoofdhuid) (?:<any>)?open\b(?!" + _INNOCENT_CAUSE + r")",
    ),
    rule(
        "self_inflicted",
        "self_harm",
        # "burns she did to herself", "wondjes die ze zichzelf heeft aangedaan".
        r"\b(?:" + _WOUNDS[3:-1] + r"|wondjes|marks|bruises|blauwe plekken|plekken)\b[^.]{0,40}? "
        r"(?:die |dat |that |which )?(?:ze|hij|zij|ik) (?:<any>)?zelf (?:<any>)?(?:gemaakt|"
        r"gedaan|aangebracht|toegebracht|aangedaan|doet|deed)\b|\b(?:"
        + _WOUNDS[3:-1]
        + r"|wondjes|marks|bruises|blauwe plekken|plekken)\b[^.]{0,40}? (?:that |die |dat )?"
        r"(?:she|he|they|i|ze|hij|zij|ik) (?:<any>)(?:did|does|made|makes|gave|gives|"
        r"caused|causes|put|inflicted|deed|doet|heeft|heb|had|aangedaan|toegebracht|gemaakt|"
        r"aandoet) (?:<any>)?(?:to |on |bij |aan )?(?:<self_en>|zichzelf|mezelf|haarzelf|"
        r"hemzelf|mijzelf)\b|\b(?:self inflicted|zelf toegebracht\w*|zelf aangebracht\w*)\b",
    ),
    rule(
        "pain_as_relief",
        "self_harm",
        # "de pijn van het krassen is het enige wat me nog rust geeft", "physical pain is the
        # only thing that shuts my head up", "cutting is the only thing that calms me".
        r"\b" + _SH_PAIN + r"\b[^.]{0,50}?\b" + _RELIEF + r"|\b(?:enige wat|enige dat|only "
        r"thing that|only way|the only thing)\b[^.]{0,40}?\b" + _SH_PAIN + r"\b",
    ),
    rule(
        "starve_punish",
        "self_harm",
        # Not eating as punishment: "niks gegeten omdat ik het niet verdien", "mezelf laten
        # verhongeren", "i don't deserve to eat".
        _gated(
            r"verdien\w*|deserve\w*|straf\w*|bestraf\w*|punish\w*|haat|hate|verhonger\w*|"
            r"uithonger\w*",
            r"\b" + _EAT_NOT + r"\b" + _SENTENCE + r"\b" + _DESERVE_NOT + r"|\b(?:niet|not|never|"
            r"nooit) (?:<any>)?(?:verdien|verdiende|deserve|deserved) (?:het )?(?:om te |"
            r"to )?(?:eten|"
            r"eat|food)\b|\b(?:verdien|verdiende) (?:het )?(?:niet|geen) (?:om te )?(?:eten|"
            r"te eten)"
            r"\b|\b(?:straf|bestraf|punish\w*) (?:<me>|<self_en>) (?:<any>)(?:door|by) (?:<any>)?"
            r"(?:niet|not|geen|no) (?:te )?(?:eten|eating|food)\b|\b(?:<me>|<self_en>) (?:<any>)"
            r"(?:laten )?(?:verhongeren|uithongeren)\b",
        ),
    ),
    *_SH3,
)

ABUSE: tuple[Rule, ...] = (
    rule(
        "hits_me_nl",
        "abuse",
        r"\b" + _HIT_NL + r" <adv>(?:me|mij|ons|mijn (?:moeder|zusje|broertje|zus|broer|"
        r"mama|ma)|me (?:moeder|zusje|broertje|zus|broer))\b(?! (?:op|over|dood|aan het))"
        + _PLAY_EN
        + _GAME,
    ),
    rule(
        "was_hit_nl",
        "abuse",
        r"\b(?:<i>|we|wij) (?:<any>)(?:word|wordt|werd|ben|werden|worden|zijn|was) (?:<any>)"
        + _DONE_NL
        + r"\b",
    ),
    rule(
        "was_hit_other_nl",
        "abuse",
        r"\b(?:mijn|me) (?:beste |oudere |jongere |kleine |grote |lieve |andere |nieuwe )?"
        r"<who_nl> (?:<any>)(?:word|wordt|werd|is|was) (?:<any>)" + _DONE_NL + r"\b",
    ),
    rule(
        "did_to_me_nl",
        "abuse",
        r"\b(?:heeft|hebben|had|hadden) (?:<any>)(?:me|mij|ons|mijn (?:zus|zusje|moeder|broer|"
        r"broertje)) (?:<any>)" + _DONE_NL + r"\b",
    ),
    rule(
        "touches_me_nl",
        "abuse",
        r"\b(?:zit|zitten|zitte|zat|zaten) (?:<any>)(?:aan|an) (?:me|mij|mijn (?:lichaam|borsten|k"
        r"ont|billen|"
        r"kruis|benen|onderbroek|broek|lijf))\b|\baan (?:me|mij|mijn lichaam|mijn lijf) "
        r"(?:<any>)(?:zitten|zit|zat|te zitten|gezeten|frunniken)\b|\braakt(?:e)? (?:me|mij) "
        r"<any>aan\b",
    ),
    rule(
        "forced_sex_nl",
        "abuse",
        r"\b(?:dwingt|dwong|dwingen|gedwongen|forceert|forceerde|moest|moet|moesten|wilde|"
        r"pushte|pusht) (?:<any>)(?:tot |om )?(?:<any>)(?:seks|sex|neuken|pijpen|naakt|"
        r"naaktfotos|nudes|uitkleden|aan te raken|dingen te doen die ik niet wil|"
        r"met hem naar bed)",
    ),
    rule(
        "sextortion_nl",
        "abuse",
        r"\b(?:naakt ?fotos?|nudes|naakt ?filmpje|seks ?filmpje|sexvideo|"
        r"fotos van mij(?=[^.]{0,80}"
        r"\b(?:naakt|naked|nude|bloot|topless|ondergoed|sexy|seks|sex)\b)) "
        r"(?:<any>)(?:verspreid|verspreiden|online|doorgestuurd|gedeeld|delen|doorsturen|rond|"
        r"posten)|\b(?:dreigt|dreigde|chanteert|chanteerde|threatens|threatened) (?:<any>)"
        r"(?:naakt|nudes|fotos|foto|filmpje|pictures|pics)",
    ),
    rule(
        "unsafe_home_nl",
        "abuse",
        r"\b(?:durf|durfde|durven) (?:niet|nie) (?:meer )?(?:naar huis|thuis te komen|naar "
        r"binnen)|\b(?:niet|nie) veilig (?:thuis|bij (?:mijn|me) <who_nl>)|\bthuis (?:is het|voel "
        r"ik me) (?:niet|nie) veilig|\bbang voor (?:mijn|me) (?:vader|stiefvader|moeder|"
        r"stiefmoeder|vriend|ex|broer|oom|opa|ouders|man|partner)\b",
    ),
    rule(
        "bruises_nl",
        "abuse",
        r"\bblauwe plekken (?:van|door) (?:hem|haar|hun|mijn <who_nl>|me <who_nl>)",
    ),
    rule(
        "hits_me_en",
        "abuse",
        r"\b<who_en> (?:always |still |sometimes |often |keeps |kept |again |just |has |had |would"
        r" |"
        r"used to |is |was |started )*" + _HIT_EN + r" (?:me|my (?:mom|mum|mother|sister|"
        r"brother))\b" + _PLAY_EN,
    ),
    rule(
        "was_hit_en",
        "abuse",
        r"\b(?:(?:i am|i was|i got|i have been|i get|i keep getting|she was|he was|she got|"
        r"he got|they were|is being|was being|am being) (?:being |been |getting |get )?"
        + _DONE_EN
        + r"|i "
        + _DONE_EN
        + r"(?! (?:my|your|his|her|their|our|a|an|the|it|him|them|someone|somebody|myself|"
        r"people|others)\b))\b(?! by (?:a|the) (?:car|bus|ball|bike))",
    ),
    rule(
        "unsafe_home_en",
        "abuse",
        r"\b(?:not|never) (?:feel |felt )?safe (?:at home|home|with my)\b|\b(?:scared|afraid) (?:t"
        r"o go home|of my (?:dad|"
        r"father|stepfather|mom|mother|boyfriend|husband|uncle|brother|parents))\b",
    ),
    rule(
        "bullied_to_die",
        "abuse",
        r"\b(?:tell|tells|told|telling|said|say|says|zegt|zeggen|zei|zeiden) (?:<any>)(?:me|mij) "
        r"(?:<any>)(?:to )?kill (?:myself|yourself)\b",
    ),
    rule(
        "abuse_word",
        "abuse",
        r"\b(?:verkracht\w*|aanranding|aangerand|huiselijk geweld|kindermishandeling|misbruik|"
        r"seksueel misbruik|rape|raped|molest\w*|domestic violence|sexual abuse|incest|"
        r"loverboy|uithuwelijk\w*|gedwongen huwelijk|forced marriage|eerwraak|eergerelateerd\w*|"
        r"honou?r (?:killing|based violence|violence)|sextortion)\b",
        guarded=True,
    ),
    # --- held-out families (2026-11): sextortion, grooming, coercive control, exploitation ----
    rule(
        "sextortion_more",
        "abuse",
        r"\b(?:dreigt|dreigde|dreigen|chanteert|chanteerde|chanteren|perst|afpersen|afgeperst|"
        r"blackmail\w*|extort\w*|threaten\w*|sextort\w*) <far>" + _PHOTO + r"\b"
        r"|\b" + _PHOTO + r"\b.{0,80}?\b(?:als (?:ik|k) (?:<any>)(?:niet|nie|geen)|tenzij|unless|"
        r"if i (?:do not|will not|wil not|dont))\b|\b(?:als (?:ik|k) (?:<any>)(?:niet|nie|geen)|"
        r"tenzij|unless|if i (?:do not|will not|wil not|dont))\b.{0,80}?\b" + _PHOTO + r"\b"
        r"|\b(?:heeft|hebben|had|has|have|got) (?:<any>)(?:nudes|naakt ?fotos?|naakt ?filmpjes?|"
        r"sexy fotos|intieme fotos|nude pics|nude photos) (?:van|of) (?:me|mij)\b",
    ),
    rule(
        "nudes_requested",
        "abuse",
        r"\b(?:stuur|sturen|te sturen|send|sending|to send) (?:<any>)(?:naakt ?fotos?|nudes|nude "
        r"pics|sexy fotos|pikante fotos|topless)\b|\b(?:stuurt|stuurde|blijft|sends|sending|sent|"
        r"keeps sending) (?:<any>)(?:dick ?pics?|dickpics?|piemel ?fotos?|naakt ?fotos?|porno|"
        r"porn)\b",
        guarded=True,
    ),
    rule(
        "grooming",
        "abuse",
        r"(?:\b(?:oudere|older|volwassen|grown|adult|vreemde|onbekende|random|creepy|enge|"
        r"getrouwde|married) (?:man|vent|gast|kerel|jongen|guy|dude|persoon|mannen|men|guys)\b"
        r"|\b(?:man|vent|gast|kerel|guy|dude) (?:van|of) [2-9][0-9]\b|\b[2-9][0-9] ?(?:jarige|"
        r"jarig|year old|yo|yr old|jaar oude) (?:man|vent|guy|dude|kerel|gast)\b).{0,120}?\b"
        r"(?:fotos|foto|pics|pictures|photos|videos|filmpjes|webcam|cam|geheim\w*|secret|aan "
        r"niemand|tegen niemand|not to tell|dont tell|do not tell|nobody can know|niemand mag)\b"
        # "ons geheimpje" is also a surprise party or a present: not when one is named.
        r"|(?<!feest is )(?<!party is )(?<!cadeau is )(?<!verrassing is )(?<!surprise is )"
        r"\b(?:ons|onze) (?:kleine )?geheim(?:pje|je)?\b|(?<!party is )(?<!surprise is )"
        r"(?<!present is )(?<!gift is )\bour (?:little )?secret\b",
        guarded=True,
    ),
    rule(
        "night_visits",
        "abuse",
        r"\b(?:" + _ADULT_NL + r"|" + _ADULT_EN + r") (?:<any>)(?:komt|kwam|komen|kruipt|kroop|"
        r"sluipt|sloop|comes|came|sneaks|snuck|crawls|gets) (?:<any>)(?:op|in|into|naar|bij "
        r"mij in|in to) (?:mijn|my|me) (?:kamer|bed|slaapkamer|room|bedroom)\b(?=.{0,80}?\b"
        r"(?:nachts|nacht|night|slaap|slapen|sleeping|asleep)\b)|\b(?:nachts|at night) (?:<any>)"
        r"(?:op|in|into|naar) (?:mijn|my|me) (?:kamer|bed|slaapkamer|room|bedroom)\b",
        guarded=True,
    ),
    rule(
        "controlling_partner",
        "abuse",
        r"\b(?:mijn|me|my) (?:vriend|vriendje|vriendin|partner|man|vrouw|ex|boyfriend|girlfriend|"
        r"husband|wife) <far>(?:controleert|checkt|checks|checked|bepaalt|decides|controls|"
        r"tracks|volgt|leest|reads|goes through) (?:<any>)(?:telefoon|mobiel|"
        r"phone|berichten|messages|appjes|dms|locatie|location|wat ik aan|what i wear|met wie|"
        r"who i|waar ik|where i|mijn geld|my money)|\b(?:mijn|me|my) (?:vriend|vriendje|vriendin|"
        r"partner|man|vrouw|boyfriend|girlfriend|husband|wife) <far>(?:will not|wil not|does not|"
        r"do not|dont) (?:let|allow) me (?:to )?(?:see|talk|meet|hang out|go out|leave|have)\b"
        r"|\b(?:mijn|me|my) (?:vriend|vriendje|vriendin|partner|man|vrouw|boyfriend|girlfriend|"
        r"husband|wife) <far>(?:verbiedt|verbood|forbids|forbade) (?:me|mij)\b"
        r"|\b(?:ik )?(?:mag|mocht) (?:van (?:hem|haar|mijn vriend|mijn vriendje) )?(?:niemand|"
        r"mijn vrienden (?:niet|nie)|geen vrienden) (?:meer )?(?:zien|spreken|ontmoeten|appen)\b",
        guarded=True,
    ),
    rule(
        "locked_in",
        "abuse",
        r"(?<!ik )(?<!k )\b(?:sluit|sluiten|sloot|sloten) (?:me|mij|ons) (?:<any>)op\b|\block(?:s|"
        r"ed|ing)? me (?:in|up|out|inside)\b(?! of (?:my|the) (?:account|phone|app))",
    ),
    rule(
        "forced_acts",
        "abuse",
        r"\b(?:dwingt|dwong|dwingen|forceert|forceerde|pusht|pushte|forces|forced|makes me|made "
        r"me|pressures|pressured) (?:<any>)(?:dingen|iets|things|stuff) (?:<any>)(?:die|dat|that) "
        r"(?:ik|i) (?:<any>)(?:niet|nie|do not|dont|did not|didnt) (?:wil|wilde|want|wanted)\b"
        r"|\b(?:uithuwelijk\w*|uitgehuwelijkt|gedwongen (?:huwelijk|trouwen|te trouwen)|forced "
        r"(?:to marry|marriage|into marriage))\b|\b(?:trouwen|marry) (?:met |with )?(?:iemand|een "
        r"man|een vrouw|someone|a man|a guy|a woman) (?:die|dat|that|who|whom) (?:ik|i) (?:<any>)"
        r"(?:niet|nie|nooit|do not|never|barely)\b|\b(?:moet|moest) (?:<any>)trouwen (?:van|for) "
        r"(?:mijn|my) (?:ouders|vader|moeder|familie|parents|family)\b|\b(?:moet|"
        r"moest) van (?:mijn|"
        r"me) (?:ouders|vader|moeder|familie) (?:<any>)trouwen\b",
    ),
    rule(
        "sexual_exploitation",
        "abuse",
        r"\b(?:slaap|slapen|seks|sex|naar bed|sleep|have sex|hook up) (?:<far>)(?:voor|for) "
        r"(?:geld|money|cash|drugs)\b|\b(?:wil dat ik|dwingt me|moet ik|makes me|wants me to|"
        r"forces me to) (?:<any>)(?:met|with) (?:zijn |zn |andere |his |other )?(?:vrienden|"
        r"mannen|jongens|klanten|friends|men|guys|clients) (?:slaap|slapen|naar bed|seks|sleep|"
        r"have sex)\b",
    ),
    rule(
        "drink_spiked",
        "abuse",
        r"\b(?:hij|zij|ze|iemand|someone|he|she|they|een jongen|een man|a guy) (?:<any>)(?:iets|"
        r"wat|something|drugs|pil|pilletje|ghb) (?:<any>)(?:in|into) (?:mijn|me|my) (?:drankje|"
        r"drank|glas|drink|drinks|cola|biertje)\b|\bspiked (?:my|me)\b",
    ),
    rule(
        "hits_other",
        "abuse",
        r"\b(?:<who_en>|his|her) (?:always |still |sometimes |often |keeps |kept |again |just |"
        r"has |had |would |used to |is |was |started )*(?:beats|beat|hits|hit|kicks|kicked|"
        r"chokes|choked|strangles|punches|punched|slaps|slapped|abuses|abused|molests|molested|"
        r"rapes|raped|hurts) (?:her|him|them)\b(?! (?:at|in|up|back|with|to|on the|car|bike))"
        r"|\b(?:zijn|haar|hun|zn) <who_nl> <adv>(?:slaat|sloeg|schopt|schopte|mishandelt|"
        r"misbruikt|verkracht) (?:hem|haar|ze|hun)\b(?! (?:op|over|dood|aan het|met de))",
        guarded=True,
    ),
    # --- held-out families (2026-11-28): thrown out, beatings, threats, control, images ------
    rule(
        "thrown_out",
        "abuse",
        # Put out of the house: "heeft me vannacht de deur uit gegooid", "gooit hem steeds 's
        # nachts de deur uit", "op straat gezet", "threw me out last night".
        _gated(
            r"deur|huis|straat|out",
            r"\b(?:gooit|gooide|gooiden|gooien|zet|zette|zetten|schopt|schopte|schoppen|trapt|"
            r"trapte|"
            r"smijt|smeet) <adv>(?:me|mij|hem|haar|ons|ze) (?:<any>)(?:de deur|het huis) uit\b|"
            r"\b(?:me|"
            r"mij|hem|haar|ons|ik|hij|zij) (?:<any>)(?:de deur|het huis|op straat|"
            r"uit huis) (?:uit )?"
            r"(?:gegooid|gezet|geschopt|getrapt|gesmeten)\b|\b(?:zet|zette|zetten|gooit|"
            r"gooide) <adv>"
            r"(?:me|mij|hem|haar|ons) (?:<any>)op straat\b|\b(?:kicked|kick|kicks|kicking|threw|"
            r"throw|throws|throwing|thrown|put|puts|locked|locks) (?:me|him|her|us|them) out\b"
            + _PLAY_EN
            + r"(?! of (?:the |a |my |our |this |that )?"
            + _GROUPS
            + r"\b)",
        ),
    ),
    rule(
        "not_welcome_home",
        "abuse",
        # "mn moeder zei dat ik niet meer thuis hoef te komen", "ik mag nooit meer naar huis".
        r"\b(?:mag|mocht|hoef|hoeft|hoefde) (?:<any>)(?:niet|nooit|nie) meer (?:<any>)?(?:thuis|"
        r"naar huis) (?:te )?(?:komen|terugkomen|terug te komen)\b|\b(?:mag|mocht|hoef|hoeft|"
        r"hoefde) (?:<any>)nooit (?:<any>)?(?:thuis|naar huis) (?:te )?(?:komen|terugkomen)\b"
        r"|\b(?:niet|nooit|nie) meer (?:<any>)?(?:thuis|naar huis) (?:<any>)?(?:hoef|hoeft|hoefde|"
        r"mag|mocht) (?:te )?(?:komen|terugkomen|terug te komen)\b"
        r"|\b(?:not allowed|never allowed) (?:to )?(?:come|go) (?:back )?home\b|\b(?:told|tells|"
        r"said) (?:me )?(?:<any>)?(?:not to|to never|never to) come (?:back )?home\b",
        guarded=True,
    ),
    rule(
        "beatings",
        "abuse",
        # "thuis krijg ik klappen", "ik krijg slaag van mijn vader", "i get the belt".
        r"(?:\b(?:ik|k|we|wij) (?:<any>)(?:krijg|kreeg|krijgen|kregen|gekregen)|\b(?:krijg|kreeg|"
        r"krijgen|kregen) (?:ik|k|we|wij)) (?:<any>)(?:klappen|slaag|een pak slaag|pak slaag|"
        r"een pak rammel|rammel|meppen|de riem|met de riem|billenkoek|een draai om (?:mijn|de) "
        r"oren|(?:een )?(?:klap|mep|trap|schop|klappen) van (?:hem|haar|hun|mijn [a-z]+|me [a-z]+)"
        r")\b(?! van (?:de|het) (?:zon|bal|golven|golf|wind|hitte|leven|economie|crisis|"
        r"markt)\b)|\b(?:i|we) (?:<any>)(?:get|"
        r"got|gets|getting) (?:a |the )?(?:beating|beatings|beaten|belt|belted|whooped|whooping|"
        r"smacked|spanked|slapped)\b(?! (?:by|with|from|in|at) (?:a |the )?(?:ball|car|bus|bike|"
        r"wave|waves|sun|game|match|chess|fifa)\b)",
    ),
    rule(
        "violence_acts",
        "abuse",
        # Hair pulled, throat grabbed, pushed against the wall, things thrown at me.
        r"\b(?:trekt|trok|trekken|getrokken) <adv>(?:me|mij|haar|hem|ons) (?:<any>)aan (?:mijn|me|"
        r"haar|zijn|m) (?:haren|haar|nek|oren|oor)\b|\b(?:pulls|pulled|pulling|yanks|yanked|"
        r"grabs|grabbed|grabbing|drags|dragged) (?:me|her|him) by (?:my|her|his|the) (?:hair|"
        r"throat|neck)\b|\b(?:grabs|grabbed|grabbing|squeezes|squeezed|squeezing) (?:my|her|his) "
        r"(?:throat|neck)\b|\b(?:knijpt|kneep|knijpen|geknepen|drukt|drukte|grijpt|greep) "
        r"(?:<any>)(?:mijn|me|haar|zijn|m) (?:keel|nek)\b|\b(?:mijn|me|haar|zijn|m) keel "
        r"(?:<any>)(?:dicht ?geknepen|dicht ?kneep|dicht ?knijpt|dicht ?gedrukt|dicht ?drukt)\b"
        r"|\b(?:duwt|duwde|duwden|geduwd|drukt|drukte|gedrukt|smijt|smeet|gesmeten|gooit|gooide|"
        r"gegooid) <adv>(?:me|mij|haar|hem|ons) (?:<any>)(?:tegen de muur|tegen de grond|op de "
        r"grond|van de trap|de trap af|tegen de kast|tegen de deur|in de hoek)\b|\b(?:pushed|"
        r"pushes|pushing|shoved|shoves|slammed|slams|threw|throws|pinned|pins) (?:me|her|him|us) "
        r"(?:<any>)(?:against the wall|into the wall|to the ground|on the ground|down the stairs|"
        r"to the floor|on the floor|against the door|into the door)\b|\b(?:gooit|gooide|gooien|"
        r"smijt|smeet|throws|threw|throwing) (?:<any>)(?:dingen|spullen|borden|glazen|stoelen|"
        r"een stoel|een bord|een glas|schoenen|flessen|things|stuff|plates|glasses|chairs|a "
        r"chair|a plate|a glass|shoes|bottles) (?:naar|at|tegen) (?:me|mij|mijn hoofd|my head|us|"
        r"ons|her|haar|him|hem)\b",
    ),
    rule(
        "hits_me_sub_nl",
        "abuse",
        # Dutch subordinate order, object before verb: "dat haar vader haar slaat", "dat mijn
        # vader me slaat", "ik zag dat hij haar sloeg".
        r"\b(?:(?:mijn|me|haar|zijn|hun|onze) (?:[a-z]+ )?<who_nl>|hij|zij) <adv>(?:me|mij|ons|"
        r"haar|"
        r"hem|mijn (?:moeder|zus|zusje|broer|broertje)) <adv>(?:slaat|sloeg|sloegen|slaan|schopt|"
        r"schopte|mishandelt|mishandelde|misbruikt|misbruikte|verkracht|verkrachtte|wurgt|wurgde|"
        r"stompt|stompte|trapt|trapte|aanrandt|betast|betastte|bedreigt|bedreigde)\b(?! (?:op|"
        r"over|"
        r"dood|aan het|met de bal)\b)" + _PLAY_EN + _GAME,
    ),
    rule(
        "bruises_from_home",
        "abuse",
        # Bruises with a source at home or a secret: "blauwe plekken van thuis", "bruises from
        # my dad", "ik moet zeggen dat ik gevallen ben".
        r"\b(?:blauwe plekken|blauwe plek|striemen|bruises|bruised|welts)\b[^.]{0,40}?\b(?:van|"
        r"from|door|by) (?:thuis|home|(?:mijn|me|haar|zijn) (?:[a-z]+ )?<who_nl>|(?:my|her|his) "
        r"(?:[a-z]+ )?<who_en>|hem|haar|him|her|hun|them)\b|\b(?:blauwe plekken|blauwe plek|"
        r"striemen|bruises|welts)\b[^.]{0,80}?\b(?:mag (?:<any>)?(?:niks|niets|niet|het niemand) "
        r"(?:<any>)?(?:zeggen|vertellen)|moet zeggen dat ik (?:<any>)?gevallen|zeggen dat ik "
        r"(?:<any>)?gevallen ben|not allowed to (?:tell|say)|can not tell anyone|(?:tell|say "
        r"to) (?:people|everyone|them|the teacher) (?:that )?i fell|says to tell [a-z]+ i fell)",
    ),
    rule(
        "threat_to_hurt",
        "abuse",
        # A threat to kill or hurt, reported or announced: "my partner threatened to kill me if
        # i leave", "my brothers say they'll hurt me if i come home", "stuurt berichten dat hij
        # me gaat pakken", "dreigt me iets aan te doen".
        r"\b(?:threaten\w*|swears|swore|warned|warns|promised) (?:me )?(?:<any>)?(?:to|that (?:he|"
        r"she|they) (?:will|would|is going to|are going to)) (?:kill|hurt|murder|beat|stab|shoot|"
        r"strangle|choke|harm|rape|burn) (?:me|us|my (?:mom|mum|mother|dad|father|family|sister|"
        r"brother|friends|friend|dog|cat|parents|kids))\b|\b(?:dreigt|dreigde|dreigen|dreigden|"
        r"gedreigd|bedreigt|bedreigde) (?:<any>)(?:me|mij|ons|mijn [a-z]+) (?:<any>)(?:te )?"
        r"(?:vermoorden|dood te maken|doodmaken|dood te slaan|af te maken|afmaken|in elkaar te "
        r"slaan|te slaan|iets aan te doen|pijn te doen|kapot te maken|te pakken|neer te steken|"
        r"te steken|te verkrachten)\b",
    ),
    rule(
        "threat_masked",
        "abuse",
        # context.py turns "kill me if" after "threatened"/"dreigt" into THREAT_MASK ...
        THREAT_MASK.strip(),
    ),
    rule(
        "threat_masked_reported",
        "abuse",
        # ... and after "says"/"zegt dat" into REPORTED_THREAT_MASK, where laughter wins.
        REPORTED_THREAT_MASK.strip(),
        guarded=True,
    ),
    rule(
        "threat_reported",
        "abuse",
        # Hyperbole uses the same words ("mn moeder zegt dat ze me vermoordt als ik te laat
        # ben haha"), so this form yields to laughter; "dreigt"/"threatened" above never does.
        r"\b(?:says|said|say|saying|tells me|told me|told her|tells her|texts|texted|texting|"
        r"messaged|messages|yelled|yells|screamed|screams|keeps saying) (?:me )?(?:<any>)?"
        r"(?:that )?(?:he|she|they|hel|shel|theyl|hed|shed|theyd|hes|shes|theyre) (?:will |would "
        r"|is |are |going to |wil )*(?:kill|hurt|murder|beat|stab|shoot|strangle|choke|harm|rape|"
        r"burn) (?:me|us|my (?:mom|mum|mother|dad|father|family|sister|brother|friends|friend|"
        r"dog|cat|parents|kids))\b|\b(?:zegt|zei|zeggen|zeiden|roept|riep|schreeuwt|schreeuwde|"
        r"appt|appte|stuurt [a-z]+|stuurde [a-z]+|schrijft|schreef|belooft|zweert|"
        r"zwoer) (?:<any>)?"
        r"(?:dat )?(?:hij|ze|zij|hun) <adv>(?:me|mij|ons|mijn [a-z]+) (?:<any>)(?:vermoordt|"
        r"vermoorden|vermoord|doodmaakt|doodmaken|dood maakt|doodslaat|afmaakt|afmaken|in elkaar "
        r"slaat|in elkaar slaan|iets aandoet|iets aan doet|iets aandoen|pakt|pakken|kapot maakt|"
        r"kapotmaakt|neersteekt|steekt|slaat|slaan)\b(?![^.]{0,40}\b(?:fortnite|fifa|gamen|"
        r"potje|schaak|schaken|chess|mario|minecraft|valorant|tikkertje|monopoly)\b)(?! (?:in|"
        r"bij|met) (?:de|het|een) (?:game|"
        r"spel|potje|wedstrijd|finale)\b)",
        guarded=True,
    ),
    rule(
        "stalking",
        "abuse",
        # Someone waits at my house, school or work again and again: "mn ex staat elke avond bij
        # mn huis", "my ex keeps showing up outside my house at night".
        # The actor comes first (a cheap anchor); the repetition may sit before it in Dutch
        # inverted order ("elke avond staat mijn ex voor de deur").
        _gated(
            _AGAIN + r"|stalk\w*|achtervolg\w*|volgt|volgde|follows|followed|following",
            r"\b"
            + _STALKER
            + r"(?="
            + _SENTENCE_LONG
            + r"\b"
            + _AGAIN
            + r"\b)(?!"
            + _SENTENCE_LONG
            + r"\b(?:op te halen|ophalen|haalt me op|pick me up|picks me up|picking me up|to "
            r"pick)\b) (?:<far>)"
            + _WAITS_AT
            + r"|\b"
            + _AGAIN
            + r"\b[^.]{0,40}?\b(?:staat|stond|wacht|wachtte|zit|zat) "
            + _STALKER
            + r" (?:<any>)(?:bij|voor|rond) (?:mijn|ons) (?:huis|deur|school|werk|flat|"
            r"raam|kamer|studentenhuis)\b|\b(?:stalkt|stalks|stalking|stalked|achtervolgt|"
            r"achtervolgde) (?:<adv>)(?:me|mij)\b|\b(?:volgt|volgde|follows|followed|"
            r"following) <adv>"
            r"(?:me|mij) "
            r"(?:<any>)?(?:naar huis|home|overal|everywhere)\b",
        ),
    ),
    rule(
        "control_papers",
        "abuse",
        # Coercive control: a partner keeps my papers, cards or money; a partner or family takes
        # my passport or ID away. (A parent keeping a passport in the safe is not this.)
        r"\b(?:mijn|me|my) " + _PARTNER + r" <far>(?:houdt|hield|pakt|pakte|neemt|nam|keeps|kept|"
        r"takes|took|confiscates|confiscated|holds|controls|beheert) (?:<any>)(?:mijn|my|me) "
        r"(?:<any>)?" + _PAPERS + r"\b|\b(?:mijn|me|my) (?:" + _PARTNER + r"|" + _FAMILY + r") "
        r"<far>(?:mijn|my|me) (?:<any>)?" + _PAPERS + r" (?:<any>)?(?:afgepakt|afgenomen|"
        r"ingenomen|in beslag genomen|achtergehouden|verstopt)\b|\b(?:my|mijn) (?:"
        + _PARTNER
        + r"|"
        + _FAMILY
        + r") <far>(?:took|takes|has taken|hid|hides|locked up|keeps|kept) "
        r"(?:<any>)(?:my|mijn) " + _PAPERS + r"\b[^.]{0,40}?\b(?:will not|would not|refuses?|does "
        r"not|did not|never) (?:give|let)\b",
    ),
    rule(
        "control_phone",
        "abuse",
        r"\b(?:mijn|me|my) " + _PARTNER + r" <far>(?:houdt|hield|pakt|pakte|neemt|nam|keeps|"
        r"kept|takes|took) (?:<any>)(?:mijn|my|me) (?:telefoon|mobiel|phone|geld|money|sleutels|"
        r"keys)\b|\b(?:mijn|me) " + _PARTNER + r" <far>(?:mijn|me) (?:<any>)?(?:telefoon|mobiel|"
        r"geld|sleutels) (?:<any>)?(?:afgepakt|afgenomen|ingenomen|achtergehouden|bij zich)\b",
        guarded=True,
    ),
    rule(
        "control_movement",
        "abuse",
        r"\b(?:ik |k )?(?:mag|mocht) <adv>(?:van (?:hem|haar|hun|ze|mijn [a-z]+) )?(?:niet|nooit|"
        r"nie) "
        r"(?:meer )?(?:alleen|zonder (?:hem|haar|hun|toestemming|mijn [a-z]+)) (?:<any>)?(?:naar "
        r"buiten|de deur uit|weg|over straat|naar school|naar de winkel|afspreken|werken|uit)\b"
        r"(?![^.]{0,40}\b(?:dokter|arts|huisarts|been|enkel|ziek|koorts|operatie)\b)|\b(?:not "
        r"allowed|never allowed) (?:to )?(?:go |leave |be )?(?:out|outside|anywhere|the house) "
        r"(?:alone|without (?:him|her|them|permission))\b|\b(?:will not|does not|do not|never) "
        r"(?:let|allow) me (?:to )?(?:go out|leave the house|leave|go anywhere|see my friends|"
        r"have friends) (?:alone|without)\b|\b(?:tells|told) me what to wear\b|\b(?:zegt|bepaalt|"
        r"bepaalde|zei) (?:<any>)?wat ik (?:aan moet|aan mag|mag dragen|moet dragen)\b|\b(?:mijn|"
        r"me|my) (?:" + _PARTNER + r"|" + _FAMILY + r"|hij|he) <far>(?:gets|becomes|wordt|werd|"
        r"turns|raakt) (?:<any>)(?:scary|violent|gewelddadig|eng|handtastelijk)\b(?! (?:good|fast|"
        r"quick|close|accurate|smart|quiet|real|goed|snel|stil|slim)\b)",
        guarded=True,
    ),
    rule(
        "forced_marriage",
        "abuse",
        # "om me uit te huwelijken", "marry me off", "willen dat ik met mijn neef trouw en ik wil
        # niet", taken abroad to marry or be left there.
        r"\b(?:me|mij|haar|hem|ons|mijn [a-z]+) (?:<any>)?(?:uit te huwelijken|uit huwelijken|"
        r"uithuwelijken|uithuwelijkt|uitgehuwelijkt)\b|\b(?:word|wordt|werd|worden) (?:<any>)?"
        r"uitgehuwelijkt\b|\b(?:marry (?:me|her|him) off|married off|marrying (?:me|her) off)\b|"
        r"\b(?:wil|willen|wilt|wants|want) (?:dat ik|me to|that i) (?:<any>)"
        r"(?:trouw|trouwen|marry)\b[^.]{0,60}\b(?:ik wil (?:<any>)?(?:niet|nie)|wil ik (?:<any>)?"
        r"(?:niet|nie)|i do not want|i dont want|against my will|tegen mijn wil|niet wil)\b|\b(?:"
        r"meenemen|mee nemen|taking me|take me|sturen me|send me) (?:<any>)?(?:naar|to) (?:het "
        r"buitenland|abroad|[a-z]+) (?:<any>)?(?:om|to) (?:<any>)?(?:trouwen|marry|achter te "
        r"laten|leave me)\b|\b(?:achterlaten|achter laten|leave me behind) (?:in|abroad|in het "
        r"buitenland)\b",
    ),
    rule(
        "sextortion_pay",
        "abuse",
        # Money or more pictures, or else the pictures go out: "they want 500 euro or they post
        # my nudes", "hij wil dat ik naaktfoto's stuur anders vertelt hij iedereen".
        r"\b(?:sextorting|sextorted|sextorts|sextort|gesextort\w*) (?:me|mij|her|him|haar|hem)?\b"
        r"|\b(?:wil|wilt|willen|eist|eisen|vraagt|vragen|vroeg|wants|want|demands|demanded|asks|"
        r"asked for|asking for) (?:<any>)(?:[0-9]+ ?(?:euro|eur|dollar|dollars|bucks|pounds)|geld|"
        r"money|cash|bitcoin|crypto|gift ?cards?|cadeaukaart\w*|more (?:pics|photos|nudes|"
        r"videos)|meer (?:fotos|nudes|filmpjes)|" + _NUDES[3:-1] + r")\b[^.]{0,60}?\b(?:or|"
        r"anders|otherwise|of (?:hij|ze|zij)|or else|if (?:i|you) (?:do not|dont|will not|"
        r"refuse)|als (?:ik|je) (?:<any>)(?:niet|nie|geen)|tenzij|unless)\b[^.]{0,60}?\b(?:post|"
        r"posts|posten|share|shares|delen|deelt|leak|leaks|lekt|send|sends|sturen|stuurt|"
        r"verspreid\w*|online|upload\w*|zet|zetten|expose|show|laat zien|tell|tells|vertelt|"
        r"vertellen|iedereen|everyone|everybody|school|ouders|parents|family|familie|nudes|"
        r"naakt\w*|fotos|pics|filmpje|video)\b",
    ),
    rule(
        "intimate_images",
        "abuse",
        # My (or a friend's) nude pictures spread or kept: "screenshots van mn nudes ... zet hij
        # in mn klassengroep", "er gaat een filmpje van mij rond waarop ik naakt ben".
        _gated(
            r"nudes|nude|naakt\w*|sexy|intiem\w*|private|prive|sex\w*|seks\w*|dick\w*|topless|"
            r"bloot|naked|ondergoed|underwear|douche|shower|omkleden|changing",
            r"\b(?:(?:mijn|my|me|haar|her|zijn|his|our|onze|ons|[a-z]+s) (?:[a-z]+ )?"
            + _NUDES
            + r"|"
            + _MEDIA
            + r" (?:van|of) (?:mij|me|haar|her|hem|him|ons|us)\b(?=[^.]{0,80}?\b(?:naakt|"
            r"naked|nude|bloot|topless|ondergoed|underwear|seks|sex|douche|shower|omkleden|"
            r"changing)"
            r"\b))\b[^.]{0,80}?\b"
            + _SPREAD
            + r"\b|\b"
            + _SPREAD
            + r"\b[^.]{0,40}?\b(?:mijn|my|me|"
            r"haar|her) (?:<any>)?" + _NUDES + r"\b|\b(?:screenshots?|screenshotted|opgeslagen|"
            r"saved) (?:<any>)?(?:van |of )?(?:mijn|my|haar|her) " + _NUDES + r"\b",
        ),
    ),
    rule(
        "filmed_without_consent",
        "abuse",
        # Filmed in secret or without consent, with a naked or spread cue: "a video of me going
        # around and i never agreed to being filmed", "stiekem gefilmd onder de douche".
        r"^(?=.{0,300}?\b(?:naakt|naked|nude|bloot|topless|ondergoed|underwear|seks|sex|douche|"
        r"shower|omkleden|changing|kleedkamer|toilet|wc|slapen|sliep|sleeping|asleep|"
        + _SPREAD[3:-1]
        + r")\b).{0,300}?\b(?:(?:gefilmd|filmde|filmt|filmen|filmed|filming|"
        r"recorded|recording|opgenomen|fotos gemaakt|foto gemaakt|took (?:pics|photos|pictures|"
        r"videos|a video)|photographed|"
        r"being filmed)\b[^.]{0,60}?\b(?:zonder (?:dat ik het (?:wist|"
        r"doorhad|wilde)|mijn toestemming|toestemming|te vragen)|without (?:my )?(?:consent|"
        r"permission|me knowing)|never (?:agreed|consented|said yes)|did not (?:agree|consent|"
        r"know)|stiekem|secretly|in secret|heimelijk|nooit toestemming|geen toestemming)|"
        r"(?:zonder "
        r"(?:dat ik het (?:wist|doorhad|wilde)|mijn toestemming|toestemming)|without (?:my )?"
        r"(?:consent|permission|me knowing)|never (?:agreed|consented|said yes)|did not (?:agree|"
        r"consent)|stiekem|secretly|in secret|heimelijk|nooit toestemming|geen toestemming)\b"
        r"[^.]{0,60}?\b(?:gefilmd|filmde|filmt|filmen|filmed|filming|recorded|recording|"
        r"opgenomen|fotos gemaakt|foto gemaakt|photographed|being filmed))\b",
    ),
    rule(
        "woke_undressed",
        "abuse",
        # Waking up undressed after a party, not remembering: "na het feest werd ik wakker naast
        # hem zonder kleren en ik weet niks meer".
        r"^(?=.{0,300}?\b" + _UNDRESSED + r"\b)(?=.{0,300}?\b(?:" + _MEMLOSS[3:-1] + r"|naast "
        r"(?:hem|een|die)|next to (?:him|a|some|this)|in (?:zijn|his|een vreemd\w*|a stranger s|a "
        r"strange|an unknown|een onbekend\w*) "
        r"(?:bed|kamer|room|house|huis)|gedrogeerd|drugged|drankje|drink)\b)(?=.{0,300}?\b(?:werd "
        r"(?:<any>)?wakker|wakker (?:werd|worden|word)|woke up|wake up|waking up|woke|"
        + _MEMLOSS[3:-1]
        + r")\b)",
    ),
    rule(
        "no_ignored",
        "abuse",
        # Consent ignored: "ik zei nee maar hij ging gewoon door", "he didn't stop when i cried";
        # love as leverage: "als ik echt van hem hield zou ik het wel doen"; pressure for sex.
        _gated(
            r"nee|no|stop|huilde|cried|crying|huilen|want|wilde|hield|loved|love|pressur\w*|"
            r"push\w*|zeur\w*|aandringen|dringt|nags|nagging|begs|guilt",
            r"\b(?:ik zei (?:<any>)?(?:nee|stop|dat ik (?:het )?(?:niet|nie) wilde)|"
            r"zei ik (?:nog )?"
            r"(?:nee|stop)|terwijl ik nee zei|ook al zei ik nee|i said (?:no|stop)|"
            r"even though i said "
            r"no|after i said no|when i said no|i told (?:him|her|them) (?:to stop|no)|i (?:kept|"
            r"was) "
            r"(?:saying|telling (?:him|her)) (?:no|stop|to stop)|i (?:was )?(?:cried|crying)|ik "
            r"(?:<any>)?huilde|ik lag te huilen|i did not want (?:to|it))\b[^.]{0,60}?\b(?:hij|"
            r"zij|ze|"
            r"he|she|they) (?:<any>)?(?:ging (?:<any>)?door|stopte (?:<any>)?(?:niet|nie)|hield "
            r"(?:<any>)?(?:niet|nie) op|deed (?:<any>)?het (?:<any>)?toch|kept going|kept doing|"
            r"did "
            r"not stop|would not stop|did it anyway|went ahead|carried on|forced|dwong|"
            r"hield me vast|"
            r"held me down|pinned me)\b|\b(?:hij|zij|ze|he|she|"
            r"they) (?:<any>)?(?:ging (?:<any>)?door|"
            r"stopte (?:<any>)?(?:niet|nie)|hield (?:<any>)?(?:niet|nie) op|kept going|"
            r"did not stop|"
            r"would not stop|did it anyway)\b[^.]{0,40}?\b(?:toen|terwijl|ook al|when|while|even "
            r"though|after) (?:ik|i) (?:<any>)?(?:nee|no|stop|huilde|cried|crying|was crying|"
            r"begged|"
            r"smeekte|zei dat)\b|\b(?:als (?:je|jij|ik) (?:<any>)?(?:echt )?van (?:me|mij|hem|"
            r"haar) "
            r"(?:hield|houdt|houd)|if (?:you|i) (?:really |truly )?(?:loved|love) (?:me|him|"
            r"her))\b"
            r"[^.]{0,60}?\b(?:het (?:<any>)?doen|doe het|do it|sex|seks|naar bed|slapen met|sleep "
            r"with|nudes|naakt|fotos|pics|send|sturen|stuur)\b|\b(?:pressur\w*|pushes|pushing|"
            r"pushed|"
            r"pusht|pushte|zeurt|zeurde|zeuren|aandringen|dringt aan|nags|nagging|begs|"
            r"guilt trips?) "
            r"(?:<any>)?(?:me )?(?:for|into|to have|om|voor|tot|to) (?:<any>)?(?:sex|seks|nudes|"
            r"naaktfotos|naakt|sleep with him|met hem naar bed|to do it|het te doen)\b",
        ),
    ),
    rule(
        "grooming_mine",
        "abuse",
        # An adult in a role over me (my trainer, my teacher, my uncle) or an older man online,
        # with secrecy, messages at night, gifts, meeting alone, or my age under 17 next to him.
        _grooming(r"(?:(?:mijn|my|me|onze|our) (?:[a-z]+ )?" + _ADULT_ROLE + r"|" + _OLDER + r")"),
    ),
    rule(
        "grooming_adult",
        "abuse",
        # The same about "a teacher", "de trainer": also how lessons on grooming talk.
        _grooming(r"(?:(?:de|the|een|a|haar|her|zijn|his) (?:[a-z]+ )?" + _ADULT_ROLE + r")"),
        guarded=True,
    ),
    rule(
        "touched_other",
        "abuse",
        # Third person: "a teacher touched her", "dat haar oom aan haar zit".
        _gated(
            r"touched|touches|groped|gropes|fondled|fondles|molested|molests|betastte|betast|"
            r"aan haar|aan hem",
            r"\b(?:(?:a|the|een|de|mijn|my|her|his|haar|zijn) (?:[a-z]+ )?(?:"
            + _ADULT_ROLE[3:-1]
            + r"|man|guy|jongen|vent|stranger|vreemde|<who_en>|<who_nl>)|someone|somebody|iemand) "
            r"(?:<any>)(?:touched|touches|groped|gropes|fondled|fondles|molested|molests|betastte|"
            r"betast) (?:her|him|them|my (?:friend|sister|brother|cousin|classmate))\b(?! (?:hair|"
            r"face|hand|hands|shoulder|arm|back)\b)|\baan (?:haar|hem) (?:te )?(?:zit|zat|zitten|"
            r"zaten|gezeten|frunniken)\b",
        ),
    ),
    *_AB3,
)
