"""Warning signs people type into search, and the short advice search shows above the results.

Data, and one pure function. The signs and their advice come from the clinical specification
(symptom-checker.md, version 2.0), sections "Emergency signs", "Urgent signs", "Infection risk",
"Possible fragility fracture", "Pregnancy", "Reasons to see a professional soon" (leg tingling,
suspected bone stress) and "What the result says and offers". Each entry names the signs it covers
by the shared vocabulary's field names (backpain.vocabulary, which the checker's rules read too):
tests/test_search_warning_signs.py checks that every emergency and urgent sign there is covered here
at its level, and that the checker's own words for each sign set it off.

A sign is found when every word of one of its triggers is in the query, in any order, each compared
by its stem (backpain.guide.text.stem): "pain down both legs" sets off "both legs". Triggers stay
in code, reviewed with the specification, not in admin: editors' synonyms never change what is
treated as a warning sign. A broad sign ("numbness", "emergency") is shown only when no narrower
sign is found.
"""

from dataclasses import dataclass
from functools import cache

from backpain.vocabulary import CAUDA_EQUINA_SIGNS, EMERGENCY, SIGN_SHORT, SOON, URGENT

from .text import stem, words

# The page that lists every warning sign: it comes first in the results whenever a sign is found.
PROFESSIONAL_PAGE = ("article", "when-to-see-a-professional")


@dataclass(frozen=True)
class WarningSign:
    key: str
    title: str  # the sign in a few plain words
    level: str  # EMERGENCY, URGENT or SOON (backpain.vocabulary): what the box's lead says to do
    advice: str  # one or two plain sentences; the box adds whom to call (with the settings' number)
    triggers: tuple[str, ...]  # each: words that must all be in the query
    signs: tuple[str, ...] = ()  # the signs' field names (backpain.vocabulary) this covers
    broad: bool = False

    def found_in(self, query_stems: set[str]) -> bool:
        return any(trigger <= query_stems for trigger in _trigger_stems(self))


@cache
def _trigger_stems(sign: WarningSign) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(stem(w) for w in words(trigger)) for trigger in sign.triggers)


def _sign(key, title, level, advice, triggers, signs=(), broad=False) -> WarningSign:
    return WarningSign(key, title, level, advice, tuple(triggers.split(", ")), tuple(signs), broad)


SIGNS = (
    # --- Emergency signs (specification 2.0, "Emergency signs"; "What the result says") ----------
    _sign("saddle_numbness", "Numbness around the genitals or bottom", EMERGENCY,
          "Numbness, tingling or changed feeling around your genitals, bottom or inner thighs (for "
          "example when you wipe) can be cauda equina syndrome. Tell the staff: \"I am worried about "
          "cauda equina syndrome.\"",
          "numb genital, numb groin, numb bottom, numb bum, numb buttock, numb anus, numb inner thigh, "
          "numb saddle, saddle, tingling genital, tingling groin, tingling bottom, numb wipe, "
          "feel wipe, numb vagina, numb penis",
          ["saddle_numbness"]),
    _sign("bladder_bowel", "New trouble peeing or with your bowels", EMERGENCY,
          "New trouble peeing (hard to start, can't go, can't control it, leaking, not knowing when your "
          "bladder is full) or new loss of bowel control can be cauda equina syndrome. Tell the staff: "
          "\"I am worried about cauda equina syndrome.\"",
          "bladder, bowel, bowels, incontinence, incontinent, cant pee, cannot pee, unable pee, "
          "trouble pee, problem pee, hard pee, leak pee, leak urine, wet myself, pee myself, poo myself, "
          "soil myself, control pee, retention, cant wee, cant urinate, urinary",
          ["bladder_bowel"]),
    _sign("sexual_function", "A new change in sexual function", EMERGENCY,
          "A new change in sex, such as trouble getting or keeping an erection, or less feeling in your "
          "penis or vagina, can be cauda equina syndrome. Tell the staff: \"I am worried about cauda "
          "equina syndrome.\"",
          "sex, sexual, erection, erectile, impotence, impotent, ejaculate, ejaculation, penis, vagina",
          ["sexual_function"]),
    _sign("both_legs", "Pain, numbness or weakness in both legs", EMERGENCY,
          "Pain from your back down both legs, or numbness, tingling or weakness in both legs, can be "
          "cauda equina syndrome. Sore leg muscles after a run do not count.",
          "both legs, both leg, two legs, bilateral",
          ["both_legs"]),
    _sign("leg_weakness", "A leg that is very weak or getting weaker", EMERGENCY,
          "Weakness or numbness in a leg that is bad or getting worse, or a foot that drags or slaps "
          "when you walk, needs help now.",
          "leg weak, weak leg, leg weakness, foot drop, drop foot, foot drag, foot slap, "
          "leg give way, leg gave way, leg numb worse",
          ["leg_weakness"]),
    _sign("cauda_equina", "Cauda equina syndrome", EMERGENCY,
          "Cauda equina syndrome is rare but an emergency: the nerves at the base of the spine are "
          "squashed. Quick treatment can prevent lasting damage. Tell the staff: \"I am worried about "
          "cauda equina syndrome.\"",
          "cauda equina, cauda, equina, ces",
          CAUDA_EQUINA_SIGNS),
    _sign("serious_accident", "Pain after a serious accident", EMERGENCY,
          "Back pain that started after a serious accident, such as a car crash, a fall from a height "
          "or a heavy blow, needs checking now.",
          "accident, crash, collision, trauma, fall height, fell height, fell from, heavy blow, "
          "hit by car, knocked down",
          ["serious_accident"]),
    _sign("chest_pain", "Chest pain or short of breath", EMERGENCY,
          "Chest pain, or back pain with shortness of breath, needs help now.",
          "chest pain, chest tight, chest hurt, chest ache, chest pressure, short breath, shortness breath, "
          "breathless, cant breathe, struggling breathe, difficulty breathing",
          ["chest_pain"]),
    _sign("collapse_signs", "Sudden severe pain with feeling faint", EMERGENCY,
          "Sudden, severe pain in your back or tummy with feeling faint, dizzy, sweaty or clammy, or a "
          "racing heart, can be a burst blood vessel in the tummy (an aortic aneurysm).",
          "faint, fainting, dizzy, dizziness, clammy, cold sweat, racing heart, heart racing, collapse, "
          "collapsed, passed out, pass out, aneurysm, aortic, aorta",
          ["collapse_signs"]),
    _sign("tearing_pain", "A sudden, severe pain high in the back", EMERGENCY,
          "A sudden, severe pain in your back or between your shoulder blades, which may feel like tearing "
          "or ripping, can be a tear in the body's main blood vessel (an aortic dissection).",
          "tearing pain, ripping pain, ripping, tearing sensation, tearing feeling, dissection, sudden severe pain, "
          "sudden severe back pain, sudden very bad pain",
          ["tearing_pain"]),
    _sign("very_unwell", "Feeling very unwell or confused", EMERGENCY,
          "Feeling very unwell (confused, very sleepy or hard to wake, or struggling to breathe) can be "
          "sepsis, a very bad infection.",
          "very unwell, unwell, confused, confusion, sepsis, septic, very sleepy, hard wake, drowsy",
          ["very_unwell"]),
    # --- Urgent signs (specification 2.0, "Urgent signs") --------------------------------------
    _sign("fever", "A high temperature", URGENT,
          "Back pain with a high temperature, or feeling hot and shivery, can be an infection.",
          "fever, feverish, temperature, hot shivery, shivery, shivering, chills, night sweats",
          ["fever"]),
    _sign("weight_loss", SIGN_SHORT["weight_loss"], URGENT,
          "Back pain while you are losing weight without trying needs a check today.",
          "weight loss, losing weight, lost weight, unexplained weight, weight dropping",
          ["weight_loss"]),
    _sign("cancer_history", "Back pain after cancer", URGENT,
          "New back pain when you have had cancer at any time, even if it was treated, needs a check "
          "today.",
          "cancer, tumour, tumor, metastasis, metastases",
          ["cancer_history"]),
    _sign("back_shape", "A lump or a change in the back's shape", URGENT,
          "A lump or swelling on your back, or a change in its shape, needs a check today.",
          "lump, swelling, swollen, back shape, changed shape, deformity, hump",
          ["back_shape"]),
    _sign("night_pain", "Pain at rest or at night", URGENT,
          "Pain that is no better when you rest, or is worse at night, needs a check today.",
          "night pain, worse night, night wake, constant pain, no better rest, pain lying still",
          ["night_pain"]),
    _sign("upper_back", "Pain high in the back", URGENT,
          "Pain high in your back, between the shoulder blades, rather than low down, needs a check "
          "today.",
          "shoulder blade, shoulder blades, upper back pain, thoracic, mid back pain, middle back pain",
          ["upper_back"]),
    _sign("cough_sneeze", "Pain much worse when you cough or sneeze", URGENT,
          "Pain that is much worse when you cough, sneeze or go to the toilet needs a check today.",
          "cough, coughing, sneeze, sneezing, straining toilet",
          ["cough_sneeze"]),
    _sign("urinary_symptoms", "Pain or blood when peeing, or pain in the side", URGENT,
          "Pain or burning when you pee, blood in your pee, or bad pain in your side below the ribs that "
          "comes in waves, can be a kidney infection or a kidney stone.",
          "blood pee, blood urine, blood wee, burning pee, burning wee, pain pee, hurts pee, sting pee, "
          "kidney, kidneys, flank, loin, uti, urine infection, urinary infection, cystitis, haematuria, "
          "hematuria, side pain waves",
          ["urinary_symptoms"]),
    _sign("pulsing_tummy", SIGN_SHORT["pulsing_tummy"], URGENT,
          "A pulsing feeling in your tummy, like a heartbeat, can be a swollen blood vessel (an aortic "
          "aneurysm).",
          "pulsing tummy, pulse tummy, pulsing stomach, pulse stomach, pulsing belly, pulsing abdomen, "
          "pulsating, throbbing tummy, throbbing stomach, heartbeat tummy, heartbeat stomach",
          ["pulsing_tummy"]),
    # --- Infection risk; possible fragility fracture (specification 2.0) -----------------------
    _sign("infection_risk", "A weakened immune system, or a recent spinal operation", URGENT,
          "With a weakened immune system (chemotherapy, transplant or HIV medicines, long-term "
          "steroids), after injecting drugs, or after a spinal procedure, severe pain or pain at night "
          "needs a check today; otherwise see a doctor soon.",
          "immune, immunosuppressed, chemotherapy, chemo, transplant, hiv, inject drugs, injecting, "
          "steroids, spinal infection, spine infection, back operation, back surgery, spinal surgery, "
          "spine surgery, infection",
          ["infection_risk"]),
    _sign("fragility_fracture", "Sudden pain with weak bones", URGENT,
          "Pain that started suddenly after a minor fall or knock, or while lifting, bending, coughing "
          "or sneezing, when you have osteoporosis or take steroid tablets, or are 70 or over, can be a "
          "broken bone in the spine.",
          "osteoporosis, osteopenia, brittle bones, steroid tablets, spinal fracture, spine fracture, "
          "vertebral fracture, compression fracture, fracture back, broken back, broken bone",
          ["sudden_onset", "bone_weakness"]),
    # --- Pregnancy (specification 2.0, "Pregnancy") -------------------------------------------
    _sign("pregnancy_signs", "Signs of labour or bleeding in pregnancy", URGENT,
          "If you are pregnant and your bump tightens, pain comes and goes regularly, or you bleed or "
          "leak fluid from your vagina, call your maternity unit or midwife now.",
          "pregnant bleeding, pregnancy bleeding, pregnant tightening, bump tightening, pregnant contractions, "
          "pregnancy contractions, labour, waters broke, waters breaking, pregnant leaking, pregnancy leaking",
          ["pregnancy_signs"]),
    _sign("pregnant", "Back pain in pregnancy", SOON,
          "Back and pelvic pain in pregnancy is common, and a physiotherapist can help: see your midwife "
          "or doctor, and ask what exercise suits you now. If your bump tightens, pain comes and goes "
          "regularly, or you bleed or leak fluid, call your maternity unit or midwife now.",
          "pregnant, pregnancy, expecting baby, midwife, maternity",
          ["pregnant"]),
    # --- Reasons to see a professional soon (specification 2.0) --------------------------------
    _sign("bone_stress", "Signs of a bone stress injury", SOON,
          "Back pain worse when you arch backwards, in a young runner, or with periods that have stopped, "
          "eating too little for your training, or a past stress fracture, can be a bone stress injury. "
          "Stop running, jumping and back-arching exercises until a professional has checked you.",
          "stress fracture, bone stress, spondylolysis, spondylolisthesis, pars, reds, red s, "
          "energy deficiency, periods stopped, missed periods, no periods, irregular periods, amenorrhea",
          ["energy_bone", "extension_pain"]),
    # NICE NG65: morning stiffness that eases with movement can be inflammatory back pain (axial
    # spondyloarthritis). The checker asks it as stiffness_persists (issue 28).
    _sign("inflammatory", "Morning stiffness that eases as you move", SOON,
          "Back stiffness that is worst in the morning and eases as you move is often nothing serious. But "
          "if it has lasted more than 3 months, began before you were 45, or wakes you in the second half "
          "of the night, it can be inflammatory back pain (axial spondyloarthritis). See a doctor soon.",
          "morning stiffness, stiff morning, stiffness morning, stiffest morning, stiff wake, "
          "inflammatory back, spondyloarthritis, ankylosing, spondylitis",
          ["stiffness_persists"]),
    # --- Broad: shown only when nothing narrower is found ---------------------------------------
    # Issue 28: "pain down my leg" found an exercise first and no notice. Broad, so "pain down both
    # legs" shows the emergency only.
    _sign("leg_pain", "Pain down one leg", SOON,
          "Pain that spreads down one leg (sciatica) often settles within a few weeks. See a doctor or "
          "physiotherapist within a week or two if it is not easing, or if you get numbness or pins and "
          "needles. Pain, numbness or weakness in both legs, or a leg that is getting weaker, is an emergency.",
          "pain down leg, shooting down leg, spreading down leg, radiating down leg, pain into leg",
          ["leg_pain"], broad=True),
    _sign("numbness", "Numbness or tingling", EMERGENCY,
          "Numbness or tingling around your genitals, bottom or inner thighs, or in both legs, or a leg "
          "that is getting weaker, is an emergency. Numbness or pins and needles in one leg or foot "
          "needs a check with a doctor or physiotherapist within a week or two.",
          "numb, numbness, tingling, tingle, tingly, pins needles, loss feeling, no feeling, "
          "changed feeling, dead leg",
          ["saddle_numbness", "both_legs", "leg_weakness", "leg_tingling"], broad=True),
    _sign("peeing", "Peeing problems", EMERGENCY,
          "New trouble peeing (hard to start, can't go, can't control it, leaking) is an emergency. Pain "
          "or burning when you pee, or blood in your pee, needs advice today.",
          "pee, peeing, wee, urine, urinate, toilet",
          ["bladder_bowel", "urinary_symptoms"], broad=True),
    _sign("emergency", "Signs that need help at once", EMERGENCY,
          "A few signs mean getting help at once, whatever else is going on.",
          "emergency, red flag, red flags, warning sign, warning signs, ambulance, serious, dangerous, "
          "worried, worrying, scared",
          (), broad=True),
)


def matching(query: str) -> tuple[WarningSign, ...]:
    """The warning signs a query names, most urgent first; broad ones only when nothing narrower is."""
    query_stems = {stem(w) for w in words(query)}
    found = [sign for sign in SIGNS if sign.found_in(query_stems)]
    narrow = [sign for sign in found if not sign.broad]
    order = {EMERGENCY: 0, URGENT: 1, SOON: 2}
    return tuple(sorted(narrow or found, key=lambda sign: order[sign.level]))
