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
        r"hitting|punch|punching|scratch|scratching|starve|starving|carve|carving|bite|biting) "
        r"(?:<self_en>)\b|\b(?:slit|slice|cut|cutting|slitting) (?:my|her|his|their) (?:wrists|"
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
)
