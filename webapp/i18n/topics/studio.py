"""The Studio's texts written by the server: a clip's progress, its quality report, status
messages the render queue leaves on a clip, and the preset gallery's captions."""

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
    "studio.summary_roles": "Roles: {roles} · {seconds} s",
    "studio.how_acted": "**How it will be acted**",
    "studio.how_sounds": "**How it will sound**",
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
    "studio.summary_roles": "角色：{roles} · {seconds} 秒",
    "studio.how_acted": "**将如何演出**",
    "studio.how_sounds": "**听起来会怎样**",
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
    "studio.summary_roles": "Peran: {roles} · {seconds} dtk",
    "studio.how_acted": "**Bagaimana adegan akan diperankan**",
    "studio.how_sounds": "**Bagaimana suaranya nanti**",
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
    "studio.summary_roles": "Papers: {roles} · {seconds} s",
    "studio.how_acted": "**Com s'interpretarà**",
    "studio.how_sounds": "**Com sonarà**",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN, "zh-CN": ZH_CN, "id": ID, "ca": CA}
