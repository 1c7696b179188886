"""The Studio's texts written by the server: a clip's progress, its quality report, status
messages the render queue leaves on a clip, and the preset gallery's captions."""

# The script examples stay as typed: the parser reads English or Chinese shot words.
SHOT_EXAMPLE = '`Shot 1: wide, @maya at the window. Shot 2 (3s): close-up, @maya says "I did it!"`'
SHOT_EXAMPLE_ZH = "`镜头一，@maya 在窗前。镜头二，特写，@maya 说“成功了”`"

EN: dict[str, str] = {
    # While a clip is on its way
    "studio.waiting_running": (
        "**{title}** is being made (the bar shows how far). You can leave this page: it keeps "
        "going."
    ),
    "studio.waiting_queued": (
        "**{title}** is waiting for its turn. You can leave this page: it keeps going."
    ),
    "studio.waiting_ahead_one": (
        "**{title}** is waiting for its turn ({ahead} clip ahead). You can leave this page: it "
        "keeps going."
    ),
    "studio.waiting_ahead_many": (
        "**{title}** is waiting for its turn ({ahead} clips ahead). You can leave this page: it "
        "keeps going."
    ),
    "studio.progress_ahead_one": "Waiting in line: {ahead} clip ahead",
    "studio.progress_ahead_many": "Waiting in line: {ahead} clips ahead",
    "studio.progress_rendering": "Rendering…",
    "studio.nothing_to_cancel": "There is no clip rendering to cancel.",
    "studio.stopping": "Stopping…",
    # The report under a finished clip
    "studio.report_cancelled": "**{title}** was cancelled.",
    "studio.report_failed": "**{title}** could not be rendered.",
    "studio.report_identity": (
        "Identity check (higher is closer to the reference; faces match above 0.40):"
    ),
    "studio.report_face": "face {score}",
    "studio.report_no_face": "no face reference",
    "studio.report_voice": "voice {score}",
    "studio.report_no_voice": "no voice reference",
    "studio.report_signed": (
        "Labelled *AI-generated*, watermarked with the clip id and signed (C2PA): `{clip_id}`."
    ),
    "studio.report_role": "{role}: {face}, {voice}",
    "studio.report_renderer": "Rendered by {renderer}.",
    # Status messages the service leaves on a clip (webapp.clips, webapp.render_queue)
    "status.cancelled": "Cancelled: the clip was stopped before it finished, and nothing was kept.",
    "status.resumed": "The app restarted while this clip was rendering; it was queued again.",
    "status.gave_up": (
        "The app stopped twice while rendering this clip, so it was not tried again. Press "
        "Generate to make it once more."
    ),
    "status.worker_gave_up": (
        "Rendering this clip was cut off twice (its render worker stopped), so it was not tried "
        "again. Press Generate to make it once more."
    ),
    "status.requeued": "Its render worker stopped answering, so the clip was queued again.",
    "status.delayed": (
        "Your clip is saved and queued, but rendering is delayed: the render queue can't be "
        "reached right now. It will start by itself as soon as the queue is back."
    ),
    # The preset gallery and a chosen preset
    "studio.caption_one_role": "{title} · 1 role · {seconds} s",
    "studio.caption_roles": "{title} · {roles} roles · {seconds} s",
    "studio.caption_preview": "{caption} · preview: house characters",
    "studio.preview_caption": (
        "Watch and listen below: house characters act it out; then take a role."
    ),
    # A preset whose clip is in the page's language (Chinese) but whose preview is English
    "studio.preview_caption_english": (
        "Watch and listen below: house characters act out the English version (your clip is "
        "acted and spoken in your language); then take a role."
    ),
    # A preset translated into a language no installed voice speaks (Indonesian, Catalan)
    "studio.acted_in_english": (
        "The script is acted and spoken in English: no voice for this language is installed yet."
    ),
    "studio.summary_roles": "Roles: {roles} · {seconds} s",
    "studio.how_acted": "**How it will be acted**",
    "studio.how_sounds": "**How it will sound**",
    # Casting a preset or a script
    "studio.nobody": "(choose a double)",
    "studio.nobody_fits": (
        "No {kinds} double is available to you yet: register one in My doubles, or ask a friend "
        "to share theirs."
    ),
    "studio.yours": "@{handle} (yours)",
    "studio.shared_by": "@{handle} (shared by @{owner})",
    "studio.cast_notes": "**Cast notes**",
    "studio.note_yours": "yours",
    "studio.note_house": "a house character: nobody's likeness",
    "studio.note_shared": "shared by @{owner}",
    "studio.note_restrictions": "owner's restrictions: “{restrictions}”",
    "studio.note_audience": "clips with it may be seen by {audience} at most",
    "audience.only_me": "you and the cast's owners",
    "audience.friends": "your friends",
    "audience.everyone": "everyone",
    "studio.choose_preset": "Choose a preset script first.",
    "studio.choose_script": "Choose a preset script or write your own first.",
    "studio.choose_double_for": "Choose a double for the role {role}.",
    "studio.no_preset_fits": "None of your doubles fits a one-role preset yet.",
    "studio.no_preset_title": "No preset",
    "studio.script_not_usable": "Script not usable",
    "studio.unknown_handle": "@{handle} isn't one of the doubles you may cast ({castable}).",
    "studio.none_yet": "you have none yet",
    "studio.unknown_handle_title": "Unknown @handle",
    # Labels the browser translates
    "studio.clip_video": "Your clip",
    "studio.script_help": (
        "Write shots like " + SHOT_EXAMPLE + " or " + SHOT_EXAMPLE_ZH + ". "
        "Use the @handles of your doubles; up to 6 shots and 15 s."
    ),
    # A shot's framing and camera, and the kinds a role takes, in the preset's summary
    "studio.framing.wide": "wide",
    "studio.framing.medium": "medium",
    "studio.framing.close-up": "close-up",
    "studio.framing.two-shot": "two-shot",
    "studio.framing.over-the-shoulder": "over-the-shoulder",
    "studio.camera.static": "static",
    "studio.camera.push-in": "push-in",
    "studio.camera.pull-out": "pull-out",
    "studio.camera.pan": "pan",
    "studio.kind.person": "person",
    "studio.kind.pet": "pet",
    "studio.kind.object": "object",
    "studio.kind.character": "character",
    "studio.shot_line": "{framing}, {camera}, {seconds} s",
}

ZH_CN: dict[str, str] = {
    "studio.waiting_running": (
        "**{title}** 正在制作（进度条显示进度）。你可以离开此页面：制作会继续。"
    ),
    "studio.waiting_queued": "**{title}** 正在排队。你可以离开此页面：制作会继续。",
    "studio.waiting_ahead_one": (
        "**{title}** 正在排队（前面还有 {ahead} 个短片）。你可以离开此页面：制作会继续。"
    ),
    "studio.waiting_ahead_many": (
        "**{title}** 正在排队（前面还有 {ahead} 个短片）。你可以离开此页面：制作会继续。"
    ),
    "studio.progress_ahead_one": "排队中：前面还有 {ahead} 个短片",
    "studio.progress_ahead_many": "排队中：前面还有 {ahead} 个短片",
    "studio.progress_rendering": "正在渲染…",
    "studio.nothing_to_cancel": "没有正在渲染、可以取消的短片。",
    "studio.stopping": "正在停止…",
    "studio.report_cancelled": "**{title}** 已取消。",
    "studio.report_failed": "**{title}** 无法渲染。",
    "studio.report_identity": "身份核对（数值越高越接近参考；面部高于 0.40 即为匹配）：",
    "studio.report_face": "面部 {score}",
    "studio.report_no_face": "没有面部参考",
    "studio.report_voice": "声音 {score}",
    "studio.report_no_voice": "没有声音参考",
    "studio.report_signed": (
        "已标注 *AI 生成*，加有含短片编号的水印，并已签名（C2PA）：`{clip_id}`。"
    ),
    "studio.report_role": "{role}：{face}，{voice}",
    "studio.report_renderer": "渲染模型：{renderer}。",
    "status.cancelled": "已取消：短片在完成前被停止，没有保留任何内容。",
    "status.resumed": "渲染此短片时应用重新启动了；它已重新排队。",
    "status.gave_up": "渲染此短片时应用停止了两次，因此不再重试。请按“生成短片”重新制作。",
    "status.worker_gave_up": (
        "此短片的渲染被中断了两次（渲染进程停止了），因此不再重试。请按“生成短片”重新制作。"
    ),
    "status.requeued": "它的渲染进程停止响应，因此短片已重新排队。",
    "status.delayed": (
        "你的短片已保存并排队，但渲染被推迟：目前无法连接渲染队列。队列恢复后会自动开始。"
    ),
    "studio.caption_one_role": "{title} · 1 个角色 · {seconds} 秒",
    "studio.caption_roles": "{title} · {roles} 个角色 · {seconds} 秒",
    "studio.caption_preview": "{caption} · 预览：由内置角色演出",
    "studio.preview_caption": "请在下方观看并收听：由内置角色演出；然后选一个角色。",
    "studio.preview_caption_english": (
        "请在下方观看并收听：由内置角色演出的英文版（你的短片会用中文表演和配音）；然后选一个角色。"
    ),
    "studio.acted_in_english": "剧本会用英语表演和配音：目前还没有安装这种语言的声音。",
    "studio.summary_roles": "角色：{roles} · {seconds} 秒",
    "studio.how_acted": "**将如何演出**",
    "studio.how_sounds": "**听起来会怎样**",
    "studio.nobody": "（选择一个分身）",
    "studio.nobody_fits": (
        "你还没有可用的 {kinds} 分身：请在“我的分身”中注册一个，或请好友分享他们的分身。"
    ),
    "studio.yours": "@{handle}（你的）",
    "studio.shared_by": "@{handle}（由 @{owner} 分享）",
    "studio.cast_notes": "**演员说明**",
    "studio.note_yours": "你的",
    "studio.note_house": "内置角色：不是任何人的肖像",
    "studio.note_shared": "由 @{owner} 分享",
    "studio.note_restrictions": "主人的使用限制：“{restrictions}”",
    "studio.note_audience": "使用它的短片最多只能让{audience}观看",
    "audience.only_me": "你和演员表中分身的主人",
    "audience.friends": "你的好友",
    "audience.everyone": "所有人",
    "studio.choose_preset": "请先选择一个预设剧本。",
    "studio.choose_script": "请先选择一个预设剧本，或者自己写一个。",
    "studio.choose_double_for": "请为角色 {role} 选择一个分身。",
    "studio.no_preset_fits": "你的分身目前还不适合任何单角色预设剧本。",
    "studio.no_preset_title": "没有预设剧本",
    "studio.script_not_usable": "剧本无法使用",
    "studio.unknown_handle": "@{handle} 不是你可以选用的分身（{castable}）。",
    "studio.none_yet": "你还没有分身",
    "studio.unknown_handle_title": "未知的 @用户名",
    "studio.clip_video": "你的短片",
    "studio.script_help": (
        "像这样写镜头：" + SHOT_EXAMPLE_ZH + "，或者 " + SHOT_EXAMPLE + "。"
        "使用你分身的 @用户名；最多 6 个镜头、15 秒。"
    ),
    # A shot's framing and camera, and the kinds a role takes, in the preset's summary
    "studio.framing.wide": "远景",
    "studio.framing.medium": "中景",
    "studio.framing.close-up": "特写",
    "studio.framing.two-shot": "双人镜头",
    "studio.framing.over-the-shoulder": "过肩镜头",
    "studio.camera.static": "固定机位",
    "studio.camera.push-in": "推镜头",
    "studio.camera.pull-out": "拉镜头",
    "studio.camera.pan": "摇镜头",
    "studio.kind.person": "真人",
    "studio.kind.pet": "宠物",
    "studio.kind.object": "物品",
    "studio.kind.character": "虚拟角色",
    "studio.shot_line": "{framing}，{camera}，{seconds} 秒",
}

ID: dict[str, str] = {
    "studio.waiting_running": (
        "**{title}** sedang dibuat (bilah menunjukkan kemajuannya). Anda boleh meninggalkan "
        "halaman ini: prosesnya tetap berjalan."
    ),
    "studio.waiting_queued": (
        "**{title}** sedang menunggu giliran. Anda boleh meninggalkan halaman ini: prosesnya "
        "tetap berjalan."
    ),
    "studio.waiting_ahead_one": (
        "**{title}** sedang menunggu giliran ({ahead} klip di depannya). Anda boleh "
        "meninggalkan halaman ini: prosesnya tetap berjalan."
    ),
    "studio.waiting_ahead_many": (
        "**{title}** sedang menunggu giliran ({ahead} klip di depannya). Anda boleh "
        "meninggalkan halaman ini: prosesnya tetap berjalan."
    ),
    "studio.progress_ahead_one": "Mengantre: {ahead} klip di depan",
    "studio.progress_ahead_many": "Mengantre: {ahead} klip di depan",
    "studio.progress_rendering": "Merender…",
    "studio.nothing_to_cancel": "Tidak ada klip yang sedang dirender untuk dibatalkan.",
    "studio.stopping": "Menghentikan…",
    "studio.report_cancelled": "**{title}** dibatalkan.",
    "studio.report_failed": "**{title}** tidak dapat dirender.",
    "studio.report_identity": (
        "Pemeriksaan identitas (makin tinggi makin dekat dengan referensi; wajah dianggap cocok "
        "di atas 0,40):"
    ),
    "studio.report_face": "wajah {score}",
    "studio.report_no_face": "tanpa referensi wajah",
    "studio.report_voice": "suara {score}",
    "studio.report_no_voice": "tanpa referensi suara",
    "studio.report_signed": (
        "Berlabel *buatan AI*, diberi tanda air berisi ID klip, dan ditandatangani (C2PA): "
        "`{clip_id}`."
    ),
    "studio.report_role": "{role}: {face}, {voice}",
    "studio.report_renderer": "Dirender oleh {renderer}.",
    "status.cancelled": (
        "Dibatalkan: klip dihentikan sebelum selesai, dan tidak ada yang disimpan."
    ),
    "status.resumed": "Aplikasi dimulai ulang saat klip ini dirender; klip diantrekan lagi.",
    "status.gave_up": (
        "Aplikasi berhenti dua kali saat merender klip ini, jadi tidak dicoba lagi. Tekan "
        "Buat klip untuk membuatnya sekali lagi."
    ),
    "status.worker_gave_up": (
        "Perenderan klip ini terputus dua kali (pekerja rendernya berhenti), jadi tidak dicoba "
        "lagi. Tekan Buat klip untuk membuatnya sekali lagi."
    ),
    "status.requeued": "Pekerja rendernya berhenti merespons, jadi klip diantrekan lagi.",
    "status.delayed": (
        "Klip Anda tersimpan dan masuk antrean, tetapi perenderan tertunda: antrean render "
        "tidak dapat dihubungi saat ini. Perenderan akan mulai sendiri begitu antrean kembali."
    ),
    "studio.caption_one_role": "{title} · 1 peran · {seconds} dtk",
    "studio.caption_roles": "{title} · {roles} peran · {seconds} dtk",
    "studio.caption_preview": "{caption} · pratinjau: karakter bawaan",
    "studio.preview_caption": (
        "Tonton dan dengarkan di bawah: karakter bawaan memerankannya; lalu ambil sebuah peran."
    ),
    "studio.preview_caption_english": (
        "Tonton dan dengarkan di bawah: karakter bawaan memerankan versi bahasa Inggrisnya (klip "
        "Anda diperankan dan diucapkan dalam bahasa Anda); lalu ambil sebuah peran."
    ),
    "studio.acted_in_english": (
        "Naskah ini diperankan dan diucapkan dalam bahasa Inggris: belum ada suara bahasa "
        "Indonesia yang terpasang."
    ),
    "studio.summary_roles": "Peran: {roles} · {seconds} dtk",
    "studio.how_acted": "**Bagaimana adegan akan diperankan**",
    "studio.how_sounds": "**Bagaimana suaranya nanti**",
    "studio.nobody": "(pilih kembaran)",
    "studio.nobody_fits": (
        "Belum ada kembaran {kinds} yang tersedia untuk Anda: daftarkan satu di Kembaran saya, "
        "atau minta teman membagikan miliknya."
    ),
    "studio.yours": "@{handle} (milik Anda)",
    "studio.shared_by": "@{handle} (dibagikan oleh @{owner})",
    "studio.cast_notes": "**Catatan pemeran**",
    "studio.note_yours": "milik Anda",
    "studio.note_house": "karakter bawaan: bukan rupa siapa pun",
    "studio.note_shared": "dibagikan oleh @{owner}",
    "studio.note_restrictions": "batasan dari pemiliknya: “{restrictions}”",
    "studio.note_audience": "klip yang memakainya paling luas hanya dapat dilihat oleh {audience}",
    "audience.only_me": "Anda dan pemilik para pemeran",
    "audience.friends": "teman-teman Anda",
    "audience.everyone": "semua orang",
    "studio.choose_preset": "Pilih naskah siap pakai terlebih dahulu.",
    "studio.choose_script": (
        "Pilih naskah siap pakai atau tulis naskah Anda sendiri terlebih dahulu."
    ),
    "studio.choose_double_for": "Pilih kembaran untuk peran {role}.",
    "studio.no_preset_fits": (
        "Belum ada kembaran Anda yang cocok untuk naskah siap pakai satu peran."
    ),
    "studio.no_preset_title": "Tidak ada naskah",
    "studio.script_not_usable": "Naskah tidak dapat dipakai",
    "studio.unknown_handle": (
        "@{handle} bukan salah satu kembaran yang boleh Anda perankan ({castable})."
    ),
    "studio.none_yet": "Anda belum punya",
    "studio.unknown_handle_title": "@nama tidak dikenal",
    "studio.clip_video": "Klip Anda",
    "studio.script_help": (
        "Tulis adegan seperti "
        + SHOT_EXAMPLE
        + " atau "
        + SHOT_EXAMPLE_ZH
        + " (kata kunci kamera dibaca dalam bahasa Inggris atau Mandarin). "
        "Pakai @nama kembaran Anda; paling banyak 6 adegan dan 15 dtk."
    ),
    # A shot's framing and camera, and the kinds a role takes, in the preset's summary
    "studio.framing.wide": "bidikan lebar",
    "studio.framing.medium": "bidikan sedang",
    "studio.framing.close-up": "bidikan dekat",
    "studio.framing.two-shot": "bidikan dua orang",
    "studio.framing.over-the-shoulder": "dari balik bahu",
    "studio.camera.static": "kamera diam",
    "studio.camera.push-in": "kamera mendekat",
    "studio.camera.pull-out": "kamera menjauh",
    "studio.camera.pan": "kamera menyapu",
    "studio.kind.person": "orang",
    "studio.kind.pet": "hewan peliharaan",
    "studio.kind.object": "benda",
    "studio.kind.character": "karakter",
    "studio.shot_line": "{framing}, {camera}, {seconds} dtk",
}

CA: dict[str, str] = {
    "studio.waiting_running": (
        "**{title}** s'està fent (la barra mostra com va). Pots sortir d'aquesta pàgina: "
        "continuarà igualment."
    ),
    "studio.waiting_queued": (
        "**{title}** espera el seu torn. Pots sortir d'aquesta pàgina: continuarà igualment."
    ),
    "studio.waiting_ahead_one": (
        "**{title}** espera el seu torn ({ahead} clip al davant). Pots sortir d'aquesta pàgina: "
        "continuarà igualment."
    ),
    "studio.waiting_ahead_many": (
        "**{title}** espera el seu torn ({ahead} clips al davant). Pots sortir d'aquesta "
        "pàgina: continuarà igualment."
    ),
    "studio.progress_ahead_one": "A la cua: {ahead} clip al davant",
    "studio.progress_ahead_many": "A la cua: {ahead} clips al davant",
    "studio.progress_rendering": "Renderitzant…",
    "studio.nothing_to_cancel": "No hi ha cap clip renderitzant-se que es pugui cancel·lar.",
    "studio.stopping": "Aturant…",
    "studio.report_cancelled": "**{title}** s'ha cancel·lat.",
    "studio.report_failed": "**{title}** no s'ha pogut renderitzar.",
    "studio.report_identity": (
        "Comprovació d'identitat (com més alt, més a prop de la referència; una cara coincideix "
        "per sobre de 0,40):"
    ),
    "studio.report_face": "cara {score}",
    "studio.report_no_face": "sense referència de cara",
    "studio.report_voice": "veu {score}",
    "studio.report_no_voice": "sense referència de veu",
    "studio.report_signed": (
        "Etiquetat com a *generat per IA*, amb marca d'aigua amb l'identificador del clip i "
        "signat (C2PA): `{clip_id}`."
    ),
    "studio.report_role": "{role}: {face}, {voice}",
    "studio.report_renderer": "Renderitzat amb {renderer}.",
    "status.cancelled": "Cancel·lat: el clip s'ha aturat abans d'acabar i no s'ha conservat res.",
    "status.resumed": (
        "L'aplicació s'ha reiniciat mentre es renderitzava aquest clip; s'ha tornat a posar a "
        "la cua."
    ),
    "status.gave_up": (
        "L'aplicació s'ha aturat dues vegades mentre renderitzava aquest clip, així que no "
        "s'ha tornat a provar. Prem Genera el clip per fer-lo una altra vegada."
    ),
    "status.worker_gave_up": (
        "La renderització d'aquest clip s'ha interromput dues vegades (el procés de "
        "renderització s'ha aturat), així que no s'ha tornat a provar. Prem Genera el clip per "
        "fer-lo una altra vegada."
    ),
    "status.requeued": (
        "El procés de renderització ha deixat de respondre, així que el clip s'ha tornat a "
        "posar a la cua."
    ),
    "status.delayed": (
        "El teu clip està desat i a la cua, però la renderització s'ha endarrerit: ara mateix "
        "no es pot accedir a la cua de renderització. Començarà tot sol quan la cua torni a "
        "funcionar."
    ),
    "studio.caption_one_role": "{title} · 1 paper · {seconds} s",
    "studio.caption_roles": "{title} · {roles} papers · {seconds} s",
    "studio.caption_preview": "{caption} · previsualització: personatges de la casa",
    "studio.preview_caption": (
        "Mira i escolta-ho a sota: ho interpreten els personatges de la casa; després tria un "
        "paper."
    ),
    "studio.preview_caption_english": (
        "Mira i escolta-ho a sota: els personatges de la casa n'interpreten la versió en anglès "
        "(el teu clip s'interpreta i es parla en la teva llengua); després tria un paper."
    ),
    "studio.acted_in_english": (
        "El guió s'interpreta i es parla en anglès: encara no hi ha cap veu en català instal·lada."
    ),
    "studio.summary_roles": "Papers: {roles} · {seconds} s",
    "studio.how_acted": "**Com s'interpretarà**",
    "studio.how_sounds": "**Com sonarà**",
    "studio.nobody": "(tria un doble)",
    "studio.nobody_fits": (
        "Encara no tens cap doble de tipus {kinds}: registra'n un a Els meus dobles, o demana a "
        "un amic que et comparteixi el seu."
    ),
    "studio.yours": "@{handle} (teu)",
    "studio.shared_by": "@{handle} (compartit per @{owner})",
    "studio.cast_notes": "**Notes del repartiment**",
    "studio.note_yours": "teu",
    "studio.note_house": "un personatge de la casa: no és la imatge de ningú",
    "studio.note_shared": "compartit per @{owner}",
    "studio.note_restrictions": "restriccions del propietari: «{restrictions}»",
    "studio.note_audience": "els clips on surti els podran veure, com a màxim, {audience}",
    "audience.only_me": "tu i els propietaris del repartiment",
    "audience.friends": "els teus amics",
    "audience.everyone": "tothom",
    "studio.choose_preset": "Primer tria un guió predefinit.",
    "studio.choose_script": "Primer tria un guió predefinit o escriu-ne un de teu.",
    "studio.choose_double_for": "Tria un doble per al paper {role}.",
    "studio.no_preset_fits": (
        "Cap dels teus dobles no encaixa encara en un guió predefinit d'un paper."
    ),
    "studio.no_preset_title": "Cap guió",
    "studio.script_not_usable": "El guió no es pot fer servir",
    "studio.unknown_handle": "@{handle} no és cap dels dobles que pots fer servir ({castable}).",
    "studio.none_yet": "encara no en tens cap",
    "studio.unknown_handle_title": "@nom desconegut",
    "studio.clip_video": "El teu clip",
    "studio.script_help": (
        "Escriu els plans així: "
        + SHOT_EXAMPLE
        + " o "
        + SHOT_EXAMPLE_ZH
        + " (les paraules de càmera es llegeixen en anglès o en xinès). "
        "Fes servir els @noms dels teus dobles; fins a 6 plans i 15 s."
    ),
    # A shot's framing and camera, and the kinds a role takes, in the preset's summary
    "studio.framing.wide": "pla general",
    "studio.framing.medium": "pla mitjà",
    "studio.framing.close-up": "primer pla",
    "studio.framing.two-shot": "pla de dos",
    "studio.framing.over-the-shoulder": "per sobre l'espatlla",
    "studio.camera.static": "càmera fixa",
    "studio.camera.push-in": "apropament",
    "studio.camera.pull-out": "allunyament",
    "studio.camera.pan": "panoràmica",
    "studio.kind.person": "persona",
    "studio.kind.pet": "mascota",
    "studio.kind.object": "objecte",
    "studio.kind.character": "personatge",
    "studio.shot_line": "{framing}, {camera}, {seconds} s",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN, "zh-CN": ZH_CN, "id": ID, "ca": CA}
