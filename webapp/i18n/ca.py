"""The interface in Catalan (català)."""

CATALOGUE: dict[str, str] = {
    # Header and navigation
    "app.tagline": (
        "Protagonitza clips animats curts amb els teus amics: enregistra't uns segons una sola "
        "vegada, i el teu doble digital, amb el consentiment verificat, actua en escenes ja fetes."
    ),
    "app.first_steps": (
        "**El teu primer clip en tres passos:** crea un compte · **Els meus dobles**: un vídeo "
        "de 2–5 s on dius una frase · **Fes el teu primer clip**. Cada clip s'etiqueta com a "
        "*generat per IA*, porta una marca d'aigua i va signat."
    ),
    "language.label": "Idioma",
    "tab.studio": "Estudi",
    "tab.clips": "Clips",
    "tab.doubles": "Els meus dobles",
    "tab.friends": "Amics",
    "tab.appearances": "Aparicions",
    "tab.my_data": "Les meves dades",
    "tab.clips_in_progress": "Clips ({count} en curs)",
    "tab.friends_waiting": "Amics ({count})",
    "tab.appearances_count": "Aparicions ({count})",
    # Choices: who may use a double or see a clip, what a double is of, clip sizes
    "visibility.only_me": "Només jo",
    "visibility.approved": "Persones que aprovo",
    "visibility.friends": "Els meus amics",
    "visibility.everyone": "Tothom",
    "kind.person": "Jo (una persona)",
    "kind.pet": "La meva mascota",
    "kind.object": "Una joguina o un objecte",
    "kind.character": "Un personatge meu",
    "studio.size_fast": "832×480 (ràpid)",
    "studio.size_hd": "1280×720 (HD, més lent)",
    # Account
    "account.sign_in_heading": "### Inicia la sessió",
    "account.username": "Nom d'usuari",
    "account.password": "Contrasenya",
    "account.sign_in": "Inicia la sessió",
    "account.sign_up_heading": "### Ets nou? Crea un compte",
    "account.username_info": "De 3 a 32 caràcters: lletres a–z, xifres, '_', '.' o '-'.",
    "account.display_name": "Nom visible (opcional)",
    "account.display_name_info": "El veuran els teus amics.",
    "account.password_info": "Com a mínim 10 caràcters.",
    "account.repeat_password": "Repeteix la contrasenya",
    "account.create": "Crea el compte",
    "account.sign_out": "Tanca la sessió",
    # Studio
    "studio.signed_out": (
        "Mira els guions predefinits a continuació. **Inicia la sessió** i registra un doble "
        "per protagonitzar-ne un."
    ),
    "studio.presets": "Guions predefinits (tria'n un)",
    "studio.pick_preset": "Tria un guió predefinit per veure'n els papers.",
    "studio.preset_preview": "Vista prèvia amb so: la interpreten els personatges de la casa",
    "studio.your_role": "El teu paper",
    "studio.star": "★ Protagonitza-ho",
    "studio.own_script": "…o escriu el teu propi guió",
    "studio.your_script": "El teu guió",
    "studio.use_script": "Fes servir el meu guió",
    "studio.cast_heading": "#### Repartiment",
    "studio.who_can_see": "Qui pot veure el clip",
    "studio.who_can_see_info": (
        "Limitat al que permet el propietari de cada doble del repartiment."
    ),
    "studio.more_options": "Més opcions",
    "studio.size": "Mida",
    "studio.variation": "Número de variació (el mateix número fa el mateix clip)",
    "studio.generate": "Genera el clip",
    "studio.cancel": "Cancel·la",
    "studio.your_clip_heading": "#### El teu clip",
    # Clips
    "clips.signed_out": (
        "### Clips\nInicia la sessió per veure els teus clips, els clips on surts i els dels "
        "teus amics."
    ),
    "clips.show": "Mostra",
    "clips.page": "Pàgina",
    "clips.previous": "← Anterior",
    "clips.next": "Següent →",
    # My doubles
    "doubles.signed_out": (
        "### Els meus dobles\nInicia la sessió per registrar el teu doble digital i gestionar-ne "
        "el consentiment."
    ),
    "doubles.your_doubles_heading": "### Els teus dobles",
    "doubles.empty": (
        "Encara no tens cap doble. Registra'n un a continuació: només cal un vídeo de 2 a 5 "
        "segons on diguis una frase."
    ),
    "doubles.gallery": "Els teus dobles (tria'n un per editar-lo)",
    "doubles.handle": "Identificador",
    "doubles.display_name": "Nom visible",
    "doubles.description": "Descripció (paraules que pot fer servir el generador)",
    "doubles.who_may_cast": "Qui pot fer actuar aquest doble",
    "doubles.restrictions": "Restriccions d'ús",
    "doubles.restrictions_shown": "Restriccions d'ús (les veu qui el faci actuar)",
    "doubles.hear_voice": "▶ Escolta com parla aquest doble als clips",
    "doubles.save": "Desa la configuració",
    "doubles.revoke": "Revoca el consentiment",
    "doubles.delete_confirm": (
        "Sí, esborra el material i les dades de la cara i la veu d'aquest doble"
    ),
    "doubles.delete": "Elimina el doble",
    "doubles.register_heading": "### Registra un doble nou",
    "doubles.step_reference": "**Pas 1 · Referència.** De qui és aquest doble i quin aspecte té?",
    "doubles.kind": "Aquest doble és de",
    "doubles.reference_video": "Vídeo de referència: 2–5 s, mira a la càmera i digues una frase",
    "doubles.reference_photos": (
        "…o 1–4 fotos (JPEG, PNG, WebP; un PNG transparent per als personatges)"
    ),
    "doubles.voice_clip": "Clip de veu (opcional, si al vídeo no s'hi parla)",
    "doubles.check_reference": "Comprova la meva referència",
    "doubles.step_report": "**Pas 2 · Informe de qualitat.** Això és el que hem detectat.",
    "doubles.detected": "Cara i retall detectats",
    "doubles.hear_draft_voice": "▶ Escolta com parlarà el teu doble als clips",
    "doubles.step_consent": "**Pas 3 · Configuració i consentiment.**",
    "doubles.step_live_check": (
        "**Pas 4 · Comprovació en directe.** Demana un codi i enregistra't dient-lo en veu alta."
    ),
    "doubles.code_language": "Diré el codi en",
    "doubles.get_code": "Demana el meu codi",
    "doubles.code_instructions": (
        "## {code}\nDigues aquestes xifres en veu alta mentre t'enregistres. El codi funciona "
        "una sola vegada i caduca a les **{time} UTC**."
    ),
    "doubles.record_code": "Enregistra't dient el codi",
    "doubles.create": "Crea el meu doble",
    "doubles.first_clip": "Fes el teu primer clip",
    # Friends
    "friends.signed_out": "### Amics\nInicia la sessió per trobar gent i gestionar els teus amics.",
    "friends.requests_heading": "### Sol·licituds d'amistat",
    "friends.find_heading": "### Troba gent",
    "friends.find_label": "Troba gent pel nom d'usuari",
    "friends.search": "Cerca",
    "friends.your_friends_heading": "### Els teus amics",
    "friends.sent_heading": "### Sol·licituds que has enviat",
    "friends.blocked_heading": "### Bloquejats",
    # Appearances
    "appearances.signed_out": (
        "### Aparicions\nInicia la sessió per veure tots els clips que fan servir els teus dobles."
    ),
    "appearances.heading": "### Clips que fan servir els meus dobles",
    # My data
    "privacy.what_we_keep": """\
### Què guarda Co-Star Studio sobre tu
- **El teu compte**: nom d'usuari, nom visible, un hash argon2id amb sal de la contrasenya (o
  el teu identificador de Hugging Face) i les sessions iniciades (només hashos amb clau dels
  testimonis).
- **Els teus dobles**: vídeo/fotos de referència, retalls, vector de la cara, mostra i vector de
  la veu, configuració i restriccions. Eliminar un doble n'esborra tot el material i les dades
  biomètriques.
- **El registre de consentiment**: dates, versions i idiomes de la declaració, hashos i
  puntuacions de les comprovacions de cada consentiment, canvi, revocació i eliminació. No conté
  material ni dades biomètriques, i es conserva.
- **Els clips** que has fet o on surts, amb les seves mètriques d'identitat i la seva procedència.
""",
    "privacy.export": "Baixa les meves dades (.zip)",
    "privacy.export_file": "La teva exportació",
    "privacy.delete_account": "Elimina el meu compte definitivament",
}
