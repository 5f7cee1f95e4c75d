"""Rules for self-harm and for abuse or sexual violence, told first-hand or about someone else."""

from __future__ import annotations

from bot.safety.patterns import Rule, rule

__all__ = ["ABUSE", "SELF_HARM"]

# Bullying by words alone ("ik word gepest") is not matched: it is loneliness, not a crisis, and
# the engine offers a person for it anyway. Physical violence at school is matched as abuse.

_BODY = r"(?:arm|armen|pols|polsen|benen|dij|dijen|bovenbeen|buik|huid|heup|heupen)"
_CUT_NL = r"(?:snij|snijd|snijdt|snijden|sneed|sneden|gesneden|snei|snie|sny)"
_HIT_NL = (
    r"(?:slaat|slaan|sloeg|sloegen|schopt|schoppen|schopte|mishandelt|mishandelen|mishandelde|"
    r"wurgt|wurgde|stompt|stompte|trapt|trapte|misbruikt|misbruikte|misbruiken|verkracht|"
    r"verkrachtte|randt|randde|bedreigt|bedreigde|martelt|knijpt|duwt|sla|slaagt)"
)
_DONE_NL = (
    r"(?:geslagen|geschopt|mishandeld|misbruikt|verkracht|aangerand|gewurgd|betast|gedrogeerd|"
    r"opgesloten|vastgebonden|gechanteerd|uitgebuit|gestalkt|getrapt|ongewenst aangeraakt|"
    r"gedwongen|aangevallen|in elkaar geslagen|afgeperst|bedreigd)"
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

_BODY_EN = r"(?:arm|arms|wrist|wrists|thigh|thighs|leg|legs|stomach|belly|skin|hip|hips|body)"
_WOUNDS = (
    r"(?:sneden|sneeen|sneetjes|snijwonden|krassen|littekens|wonden|brandwonden|cuts|scars|"
    r"scratches|burns|wounds)"
)
# A cat, a fall or an operation explains the scratches; then it is not self-harm.
_INNOCENT_CAUSE = (
    r"(?:(?: [a-z]+){0,4} (?:kat|poes|hond|cat|dog|kitten|braam|bramen|doornen|val|vallen|fall|"
    r"fiets|bike|ongeluk|accident|operatie|surgery|acne|sport|voetbal|gym|werk|work)\b)"
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
        r"(?<!never )(?<!not )(?<!no )\b(?:cut|cuting|cuts|cutting|burn|burning|burned|burnt|hurt|"
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
        r"\b(?:heb|had|hebben|heeft) (?:(?:weer|me|mezelf|zichzelf|gisteren|vannacht|vandaag|"
        r"opnieuw|toch|net|zojuist|alweer|nog|ook|echt|alsnog|expres|stiekem) )*(?:gekrast|"
        r"gesneden)\b(?! (?:in|op|aan|uit|van|voor) (?:de|het|een|die|dat)\b)",
    ),
    rule(
        "wounds_on_body",
        "self_harm",
        r"\b(?:mijn|my|me|haar|zijn|her|his|their) (?:" + _BODY + r"|" + _BODY_EN + r")(?: (?:en|"
        r"and) (?:" + _BODY + r"|" + _BODY_EN + r"))? (?:<any>)(?:onder|vol|covered in|covered "
        r"with|full of) (?:de |met |the )?" + _WOUNDS + r"\b(?!" + _INNOCENT_CAUSE + r")"
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
)

ABUSE: tuple[Rule, ...] = (
    rule(
        "hits_me_nl",
        "abuse",
        r"\b" + _HIT_NL + r" <adv>(?:me|mij|ons|mijn (?:moeder|zusje|broertje|zus|broer|"
        r"mama|ma)|me (?:moeder|zusje|broertje|zus|broer))\b(?! (?:op|over|dood|aan het))",
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
        r"\b(?:mijn|me) <who_nl> (?:<any>)(?:word|wordt|werd|is|was) (?:<any>)" + _DONE_NL + r"\b",
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
        r"\b(?:naakt ?fotos?|nudes|naakt ?filmpje|seks ?filmpje|sexvideo|fotos van mij) "
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
        r"brother))\b(?! up\b)",
    ),
    rule(
        "was_hit_en",
        "abuse",
        r"\b(?:i|i am|i was|i got|i have been|i get|i keep getting|she was|he was|she got|"
        r"he got|they were|is being|was being|am being) (?:being |been |getting |get )?"
        + _DONE_EN
        + r"\b(?! by (?:a|the) (?:car|bus|ball|bike))",
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
        r"loverboy)\b",
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
        r"|\b(?:ons|onze) (?:kleine )?geheim(?:pje|je)?\b|\bour (?:little )?secret\b",
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
)
