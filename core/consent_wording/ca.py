"""Consent and permission wording in Catalan (català)."""

WORDING: dict[str, str] = {
    "statement.version": "2026.12-1",
    "statement.heading": "Declaració de consentiment (versió {version})",
    "statement.body": """\
Tinc almenys 18 anys.
{ownership}
Autoritzo Co-Star Studio a desar el material de referència i una descripció de la cara i la veu
feta a partir d'aquest material, i a fer-los servir per generar clips que faci jo o les persones
que autoritzi mitjançant la configuració de visibilitat.
Cada clip s'etiqueta com a generat per IA, porta una marca d'aigua i va signat.
Puc revocar aquest consentiment en qualsevol moment: aleshores cap clip nou no podrà fer servir
el doble. Puc eliminar el doble en qualsevol moment: aleshores se n'esborren el material de
referència i les dades de la cara i la veu; aquest registre de consentiment només conserva
dates, hashos i resultats de les comprovacions, mai material.
""",
    "ownership.person": "Soc jo. Soc la persona que es veu i s'escolta a la referència.",
    "ownership.pet": "És la meva mascota, i puc compartir-ne la imatge.",
    "ownership.object": "És un objecte meu (una joguina o un article), i puc compartir-ne la "
    "imatge.",
    "ownership.character": "És un personatge que he creat o del qual tinc els drets.",
    "checkbox.ownership.person": "Soc jo",
    "checkbox.ownership.pet": "És la meva mascota",
    "checkbox.ownership.object": "És un objecte meu",
    "checkbox.ownership.character": "És un personatge meu",
    "checkbox.age": "Tinc 18 anys o més",
    "checkbox.statement": "He llegit i accepto la declaració de consentiment",
    "must_confirm_age": (
        "Confirma que tens 18 anys o més. Només les persones adultes poden crear dobles."
    ),
    "must_confirm_ownership.person": (
        "Confirma que ets tu. Només pots registrar un doble de tu mateix."
    ),
    "must_confirm_ownership.pet": "Confirma que és la teva mascota.",
    "must_confirm_ownership.object": "Confirma que aquest objecte és teu.",
    "must_confirm_ownership.character": "Confirma que aquest personatge és teu.",
    "must_agree_statement": "Llegeix i accepta la declaració de consentiment.",
    "statement_outdated": (
        "La declaració de consentiment ha canviat mentre la llegies. Llegeix la versió nova i "
        "torna-la a acceptar."
    ),
    "challenge_missing": "Primer demana un codi i després enregistra't dient-lo.",
    "challenge_expired": (
        "Aquest codi ha caducat (els codis duren 5 minuts). Demana'n un de nou i torna-ho a provar."
    ),
    "challenge_used": (
        "Aquest codi ja s'ha fet servir. Cada codi funciona una sola vegada: demana'n un de nou."
    ),
    "challenge_needs_webcam": (
        "Enregistra aquí la comprovació en directe amb la càmera web. Per al doble d'una persona "
        "no s'accepten fitxers pujats."
    ),
    "challenge_face_mismatch": (
        "La cara de l'enregistrament en directe no coincideix amb la del vídeo de referència. "
        "Tots dos els ha d'enregistrar la mateixa persona."
    ),
    "challenge_no_face": (
        "No veiem la teva cara a l'enregistrament en directe. Mira a la càmera amb bona llum."
    ),
    "challenge_voice_mismatch": (
        "La veu de l'enregistrament en directe no coincideix amb la de la referència. En tots "
        "dos hi ha de parlar la mateixa persona."
    ),
    "challenge_no_sound": (
        "L'enregistrament en directe no té so. Permet l'accés al micròfon i digues el codi en "
        "veu alta."
    ),
    "impersonation_refused": (
        "Aquesta cara ja pertany a un doble registrat per un altre compte, així que no te'l "
        "podem registrar. Si ets tu, contacta amb el servei d'assistència."
    ),
    "double_revoked_notice": (
        "Consentiment revocat: ningú (ni tu mateix) no pot fer servir aquest doble en clips nous."
    ),
    "double_deleted_notice": (
        "Doble eliminat: se n'han esborrat el material de referència i les dades de la cara i la "
        "veu. El registre de consentiment només conserva dates, hashos i resultats de les "
        "comprovacions."
    ),
    "no_voice_notice": (
        "No s'ha trobat cap veu parlada, així que aquest doble no té veu: els clips hi faran "
        "servir una veu predeterminada."
    ),
    "voice_shift_notice": (
        "Els diàlegs els diu una veu integrada ajustada cap a la teva (to i timbre). No és un "
        "clon de la teva veu."
    ),
}
