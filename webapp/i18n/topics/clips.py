"""The Clips tab: clip cards, their Details, empty pages, and the provenance check."""

EN: dict[str, str] = {
    # Labels the browser translates
    "clips.section.mine": "My clips",
    "clips.section.featuring_me": "Featuring me",
    "clips.section.friends": "Friends' clips",
    "clips.section.public": "Public",
    "clips.card_video": "Clip",
    "clips.verify": "Verify",
    "clips.delete": "Delete",
    "clips.details": "Details",
    "clips.delete_yes": "Yes, delete it for everyone",
    "clips.delete_keep": "Keep it",
    "clips.clip_on_page": "Clip on this page",
    "clips.clip_on_page_info": "Choose a clip to verify its provenance or to star in it yourself.",
    "clips.verify_provenance": "Verify provenance",
    "clips.swap_role_info": "The role your double takes in your version.",
    "clips.your_version": "Your version",
    # Pages and cards, written by the server
    "clips.empty.mine": (
        "You haven't made a clip yet. Pick a preset script in the **Studio** to make one."
    ),
    "clips.empty.featuring_me": (
        "No finished clip features your doubles yet. Drafts and private uses are listed under "
        "**Appearances**."
    ),
    "clips.empty.friends": "Your friends haven't shared a clip with you yet.",
    "clips.empty.public": (
        "No public clips yet: a clip is public when its creator shares it with everyone and "
        "every double in its cast allows that."
    ),
    "clips.nothing_more": "Nothing more here. Go back to the previous page.",
    "clips.section_page": "{section} · page {page}",
    "clips.card_by": "by {creator} (@{username})",
    "clips.seconds": "{seconds} s",
    "clips.card_cast": "Cast: {cast}",
    "clips.cast_none": "none",
    "clips.card_status": "Status: {state} · seen by: {audience}",
    "clips.deleted": "This clip was deleted.",
    "state.queued": "waiting for its turn",
    "state.running": "being made",
    "state.done": "ready",
    "state.failed": "could not be made",
    "state.cancelled": "cancelled",
    "state.deleted": "deleted",
    "state.hidden": "hidden",
    # A card's Details
    "clips.scores": (
        "How closely each role looks and sounds like its double (1.00 is identical; a face "
        "matches above 0.40): {scores}"
    ),
    "clips.score": "{role}: face {face}, voice {voice}",
    "clips.made_and_signed": "How it was made and signed: {summary}",
    "clips.clip_id": "Clip id (carried by its invisible watermark): `{clip_id}`",
    "provenance.not_recorded": "Provenance not recorded (no finished video).",
    "provenance.ai_label": "AI label",
    "provenance.no_ai_label": "no AI label",
    "provenance.watermarked": "watermarked",
    "provenance.no_watermark": "no watermark",
    "provenance.manifest_trusted": "C2PA manifest signed by this studio",
    "provenance.manifest_valid": "C2PA manifest valid",
    "provenance.manifest_invalid": "C2PA manifest not valid",
    "provenance.manifest_missing": "C2PA manifest missing",
    "provenance.manifest_unreadable": "C2PA manifest unreadable",
    "provenance.manifest_other": "C2PA manifest: {state}",
    "provenance.names_another": "(names another clip!)",
    # Verify
    "verify.heading": "#### Provenance of clip `{clip_id}`",
    "verify.passed": "**Passed**",
    "verify.failed": "**Failed**",
    "verify.label": "Visible *AI-generated* label (contrast {contrast})",
    "verify.watermark": "Invisible watermark: `{found}` ({agreement} bit agreement)",
    "verify.none_found": "none found",
    "verify.manifest": "C2PA manifest {presence}, {validity}, {trust}",
    "verify.present": "present",
    "verify.missing": "missing",
    "verify.valid": "valid",
    "verify.not_valid": "not valid",
    "verify.trusted": "signed by this studio",
    "verify.not_trusted": "not trusted",
    "verify.problems": "Problems:",
    "verify.all_match": "All three signals were read back from the file and match this clip.",
    # Card buttons' answers
    "clips.no_clip": "That clip is no longer on this page.",
    "clips.no_clip_title": "No clip",
    "clips.not_possible": "This clip can't be re-made with you in it.",
    "clips.not_possible_title": "Not possible",
    "clips.choose_role": "Choose your role below, then press **★ Star in this**.",
    "clips.not_made_title": "Clip not made",
    "clips.not_verified_title": "Not verified",
    "clips.not_deleted_title": "Not deleted",
    "clips.not_shown_title": "Clips not shown",
    "clips.delete_question": (
        "**Delete “{title}” for everyone?** Its video is erased and nobody can watch it again."
    ),
    "clips.choose_first": "Choose a clip first.",
    "clips.choose_on_page": "Choose a clip on this page first.",
    "clips.none_chosen_title": "No clip chosen",
    "clips.kept": "Kept.",
}

ZH_CN: dict[str, str] = {
    "clips.section.mine": "我的短片",
    "clips.section.featuring_me": "有我出演",
    "clips.section.friends": "好友的短片",
    "clips.section.public": "公开",
    "clips.card_video": "短片",
    "clips.verify": "验证",
    "clips.delete": "删除",
    "clips.details": "详情",
    "clips.delete_yes": "是的，为所有人删除",
    "clips.delete_keep": "保留",
    "clips.clip_on_page": "本页的短片",
    "clips.clip_on_page_info": "选择一个短片，验证它的来源，或者由你亲自出演。",
    "clips.verify_provenance": "验证来源",
    "clips.swap_role_info": "你的分身在你的版本中扮演的角色。",
    "clips.your_version": "你的版本",
    "clips.empty.mine": "你还没有制作过短片。在**工作室**里选一个预设剧本，就能做一个。",
    "clips.empty.featuring_me": (
        "还没有完成的短片用到你的分身。草稿和私密使用列在**出镜记录**中。"
    ),
    "clips.empty.friends": "你的好友还没有和你分享过短片。",
    "clips.empty.public": (
        "还没有公开的短片：只有当创作者把短片分享给所有人，并且演员表中的每个分身都允许时，短片才会公开。"
    ),
    "clips.nothing_more": "这里没有更多内容了。请返回上一页。",
    "clips.section_page": "{section} · 第 {page} 页",
    "clips.card_by": "由 {creator}（@{username}）制作",
    "clips.seconds": "{seconds} 秒",
    "clips.card_cast": "演员：{cast}",
    "clips.cast_none": "无",
    "clips.card_status": "状态：{state} · 可见范围：{audience}",
    "clips.deleted": "此短片已被删除。",
    "state.queued": "正在排队",
    "state.running": "正在制作",
    "state.done": "已完成",
    "state.failed": "无法制作",
    "state.cancelled": "已取消",
    "state.deleted": "已删除",
    "state.hidden": "已隐藏",
    "clips.scores": (
        "每个角色在外貌和声音上与其分身的相似程度"
        "（1.00 表示完全相同；面部高于 0.40 即为匹配）：{scores}"
    ),
    "clips.score": "{role}：面部 {face}，声音 {voice}",
    "clips.made_and_signed": "制作与签名方式：{summary}",
    "clips.clip_id": "短片编号（由隐形水印携带）：`{clip_id}`",
    "provenance.not_recorded": "未记录来源信息（没有已完成的视频）。",
    "provenance.ai_label": "有 AI 标签",
    "provenance.no_ai_label": "没有 AI 标签",
    "provenance.watermarked": "有水印",
    "provenance.no_watermark": "没有水印",
    "provenance.manifest_trusted": "C2PA 清单由本工作室签名",
    "provenance.manifest_valid": "C2PA 清单有效",
    "provenance.manifest_invalid": "C2PA 清单无效",
    "provenance.manifest_missing": "缺少 C2PA 清单",
    "provenance.manifest_unreadable": "C2PA 清单无法读取",
    "provenance.manifest_other": "C2PA 清单：{state}",
    "provenance.names_another": "（指向另一个短片！）",
    "verify.heading": "#### 短片 `{clip_id}` 的来源",
    "verify.passed": "**通过**",
    "verify.failed": "**未通过**",
    "verify.label": "可见的 *AI 生成* 标签（对比度 {contrast}）",
    "verify.watermark": "隐形水印：`{found}`（比特一致率 {agreement}）",
    "verify.none_found": "未找到",
    "verify.manifest": "C2PA 清单：{presence}，{validity}，{trust}",
    "verify.present": "存在",
    "verify.missing": "缺失",
    "verify.valid": "有效",
    "verify.not_valid": "无效",
    "verify.trusted": "由本工作室签名",
    "verify.not_trusted": "不受信任",
    "verify.problems": "问题：",
    "verify.all_match": "三项标记都已从文件中读回，并且与此短片一致。",
    "clips.no_clip": "该短片已不在此页上。",
    "clips.no_clip_title": "没有短片",
    "clips.not_possible": "这个短片无法换成由你出演后重新制作。",
    "clips.not_possible_title": "无法进行",
    "clips.choose_role": "请在下方选择你的角色，然后点击 **★ 我来出演**。",
    "clips.not_made_title": "短片未制作",
    "clips.not_verified_title": "未验证",
    "clips.not_deleted_title": "未删除",
    "clips.not_shown_title": "无法显示短片",
    "clips.delete_question": (
        "**要为所有人删除“{title}”吗？** 它的视频将被清除，任何人都无法再观看。"
    ),
    "clips.choose_first": "请先选择一个短片。",
    "clips.choose_on_page": "请先在本页选择一个短片。",
    "clips.none_chosen_title": "未选择短片",
    "clips.kept": "已保留。",
}

ID: dict[str, str] = {
    "clips.section.mine": "Klip saya",
    "clips.section.featuring_me": "Menampilkan saya",
    "clips.section.friends": "Klip teman",
    "clips.section.public": "Publik",
    "clips.card_video": "Klip",
    "clips.verify": "Verifikasi",
    "clips.delete": "Hapus",
    "clips.details": "Rincian",
    "clips.delete_yes": "Ya, hapus untuk semua orang",
    "clips.delete_keep": "Simpan saja",
    "clips.clip_on_page": "Klip di halaman ini",
    "clips.clip_on_page_info": (
        "Pilih klip untuk memverifikasi asal-usulnya atau untuk membintanginya sendiri."
    ),
    "clips.verify_provenance": "Verifikasi asal-usul",
    "clips.swap_role_info": "Peran yang dimainkan kembaran Anda dalam versi Anda.",
    "clips.your_version": "Versi Anda",
    "clips.empty.mine": (
        "Anda belum membuat klip. Pilih naskah siap pakai di **Studio** untuk membuatnya."
    ),
    "clips.empty.featuring_me": (
        "Belum ada klip selesai yang menampilkan kembaran Anda. Draf dan penggunaan pribadi "
        "tercantum di **Penampilan**."
    ),
    "clips.empty.friends": "Teman-teman Anda belum membagikan klip kepada Anda.",
    "clips.empty.public": (
        "Belum ada klip publik: sebuah klip menjadi publik jika pembuatnya membagikannya kepada "
        "semua orang dan setiap kembaran dalam pemerannya mengizinkannya."
    ),
    "clips.nothing_more": "Tidak ada lagi di sini. Kembali ke halaman sebelumnya.",
    "clips.section_page": "{section} · halaman {page}",
    "clips.card_by": "oleh {creator} (@{username})",
    "clips.seconds": "{seconds} dtk",
    "clips.card_cast": "Pemeran: {cast}",
    "clips.cast_none": "tidak ada",
    "clips.card_status": "Status: {state} · dapat dilihat oleh: {audience}",
    "clips.deleted": "Klip ini sudah dihapus.",
    "state.queued": "menunggu giliran",
    "state.running": "sedang dibuat",
    "state.done": "siap",
    "state.failed": "tidak dapat dibuat",
    "state.cancelled": "dibatalkan",
    "state.deleted": "dihapus",
    "state.hidden": "disembunyikan",
    "clips.scores": (
        "Seberapa mirip wajah dan suara setiap peran dengan kembarannya (1,00 berarti identik; "
        "wajah dianggap cocok di atas 0,40): {scores}"
    ),
    "clips.score": "{role}: wajah {face}, suara {voice}",
    "clips.made_and_signed": "Cara klip ini dibuat dan ditandatangani: {summary}",
    "clips.clip_id": "ID klip (dibawa oleh tanda air tak terlihatnya): `{clip_id}`",
    "provenance.not_recorded": "Asal-usul tidak tercatat (tidak ada video yang selesai).",
    "provenance.ai_label": "label AI",
    "provenance.no_ai_label": "tanpa label AI",
    "provenance.watermarked": "bertanda air",
    "provenance.no_watermark": "tanpa tanda air",
    "provenance.manifest_trusted": "manifes C2PA ditandatangani oleh studio ini",
    "provenance.manifest_valid": "manifes C2PA valid",
    "provenance.manifest_invalid": "manifes C2PA tidak valid",
    "provenance.manifest_missing": "manifes C2PA tidak ada",
    "provenance.manifest_unreadable": "manifes C2PA tidak dapat dibaca",
    "provenance.manifest_other": "manifes C2PA: {state}",
    "provenance.names_another": "(menyebut klip lain!)",
    "verify.heading": "#### Asal-usul klip `{clip_id}`",
    "verify.passed": "**Lolos**",
    "verify.failed": "**Gagal**",
    "verify.label": "Label *buatan AI* yang terlihat (kontras {contrast})",
    "verify.watermark": "Tanda air tak terlihat: `{found}` (kecocokan bit {agreement})",
    "verify.none_found": "tidak ditemukan",
    "verify.manifest": "Manifes C2PA {presence}, {validity}, {trust}",
    "verify.present": "ada",
    "verify.missing": "tidak ada",
    "verify.valid": "valid",
    "verify.not_valid": "tidak valid",
    "verify.trusted": "ditandatangani oleh studio ini",
    "verify.not_trusted": "tidak tepercaya",
    "verify.problems": "Masalah:",
    "verify.all_match": "Ketiga tanda dibaca ulang dari berkas dan cocok dengan klip ini.",
    "clips.no_clip": "Klip itu sudah tidak ada di halaman ini.",
    "clips.no_clip_title": "Tidak ada klip",
    "clips.not_possible": "Klip ini tidak dapat dibuat ulang dengan Anda di dalamnya.",
    "clips.not_possible_title": "Tidak mungkin",
    "clips.choose_role": "Pilih peran Anda di bawah, lalu tekan **★ Bintangi ini**.",
    "clips.not_made_title": "Klip tidak dibuat",
    "clips.not_verified_title": "Tidak terverifikasi",
    "clips.not_deleted_title": "Tidak dihapus",
    "clips.not_shown_title": "Klip tidak dapat ditampilkan",
    "clips.delete_question": (
        "**Hapus “{title}” untuk semua orang?** Videonya dihapus dan tak seorang pun dapat "
        "menontonnya lagi."
    ),
    "clips.choose_first": "Pilih klip terlebih dahulu.",
    "clips.choose_on_page": "Pilih klip di halaman ini terlebih dahulu.",
    "clips.none_chosen_title": "Belum ada klip yang dipilih",
    "clips.kept": "Tetap disimpan.",
}

CA: dict[str, str] = {
    "clips.section.mine": "Els meus clips",
    "clips.section.featuring_me": "On surto jo",
    "clips.section.friends": "Clips dels amics",
    "clips.section.public": "Públics",
    "clips.card_video": "Clip",
    "clips.verify": "Verifica",
    "clips.delete": "Suprimeix",
    "clips.details": "Detalls",
    "clips.delete_yes": "Sí, suprimeix-lo per a tothom",
    "clips.delete_keep": "Conserva'l",
    "clips.clip_on_page": "Clip d'aquesta pàgina",
    "clips.clip_on_page_info": (
        "Tria un clip per verificar-ne la procedència o per protagonitzar-lo tu mateix."
    ),
    "clips.verify_provenance": "Verifica la procedència",
    "clips.swap_role_info": "El paper que fa el teu doble en la teva versió.",
    "clips.your_version": "La teva versió",
    "clips.empty.mine": (
        "Encara no has fet cap clip. Tria un guió predefinit a l'**Estudi** per fer-ne un."
    ),
    "clips.empty.featuring_me": (
        "Encara no hi ha cap clip acabat amb els teus dobles. Els esborranys i els usos privats "
        "apareixen a **Aparicions**."
    ),
    "clips.empty.friends": "Els teus amics encara no han compartit cap clip amb tu.",
    "clips.empty.public": (
        "Encara no hi ha clips públics: un clip és públic quan el seu creador el comparteix amb "
        "tothom i tots els dobles del repartiment ho permeten."
    ),
    "clips.nothing_more": "Aquí no hi ha res més. Torna a la pàgina anterior.",
    "clips.section_page": "{section} · pàgina {page}",
    "clips.card_by": "creat per {creator} (@{username})",
    "clips.seconds": "{seconds} s",
    "clips.card_cast": "Repartiment: {cast}",
    "clips.cast_none": "cap",
    "clips.card_status": "Estat: {state} · el veuen: {audience}",
    "clips.deleted": "Aquest clip s'ha suprimit.",
    "state.queued": "esperant el seu torn",
    "state.running": "en preparació",
    "state.done": "a punt",
    "state.failed": "no s'ha pogut fer",
    "state.cancelled": "cancel·lat",
    "state.deleted": "suprimit",
    "state.hidden": "amagat",
    "clips.scores": (
        "Fins a quin punt cada paper s'assembla al seu doble en l'aspecte i la veu (1,00 és "
        "idèntic; una cara coincideix per sobre de 0,40): {scores}"
    ),
    "clips.score": "{role}: cara {face}, veu {voice}",
    "clips.made_and_signed": "Com s'ha fet i signat: {summary}",
    "clips.clip_id": (
        "Identificador del clip (el porta la seva marca d'aigua invisible): `{clip_id}`"
    ),
    "provenance.not_recorded": "Procedència no registrada (no hi ha cap vídeo acabat).",
    "provenance.ai_label": "etiqueta d'IA",
    "provenance.no_ai_label": "sense etiqueta d'IA",
    "provenance.watermarked": "amb marca d'aigua",
    "provenance.no_watermark": "sense marca d'aigua",
    "provenance.manifest_trusted": "manifest C2PA signat per aquest estudi",
    "provenance.manifest_valid": "manifest C2PA vàlid",
    "provenance.manifest_invalid": "manifest C2PA no vàlid",
    "provenance.manifest_missing": "falta el manifest C2PA",
    "provenance.manifest_unreadable": "manifest C2PA il·legible",
    "provenance.manifest_other": "manifest C2PA: {state}",
    "provenance.names_another": "(indica un altre clip!)",
    "verify.heading": "#### Procedència del clip `{clip_id}`",
    "verify.passed": "**Correcte**",
    "verify.failed": "**Incorrecte**",
    "verify.label": "Etiqueta visible de *generat per IA* (contrast {contrast})",
    "verify.watermark": "Marca d'aigua invisible: `{found}` (coincidència de bits {agreement})",
    "verify.none_found": "no se n'ha trobat cap",
    "verify.manifest": "Manifest C2PA {presence}, {validity}, {trust}",
    "verify.present": "present",
    "verify.missing": "absent",
    "verify.valid": "vàlid",
    "verify.not_valid": "no vàlid",
    "verify.trusted": "signat per aquest estudi",
    "verify.not_trusted": "no fiable",
    "verify.problems": "Problemes:",
    "verify.all_match": (
        "Els tres senyals s'han tornat a llegir del fitxer i coincideixen amb aquest clip."
    ),
    "clips.no_clip": "Aquest clip ja no és en aquesta pàgina.",
    "clips.no_clip_title": "Cap clip",
    "clips.not_possible": "Aquest clip no es pot tornar a fer amb tu.",
    "clips.not_possible_title": "No és possible",
    "clips.choose_role": "Tria el teu paper a sota i prem **★ Protagonitza-ho**.",
    "clips.not_made_title": "Clip no fet",
    "clips.not_verified_title": "No verificat",
    "clips.not_deleted_title": "No suprimit",
    "clips.not_shown_title": "No es poden mostrar els clips",
    "clips.delete_question": (
        "**Vols suprimir «{title}» per a tothom?** El seu vídeo s'esborra i ningú no el podrà "
        "tornar a veure."
    ),
    "clips.choose_first": "Primer tria un clip.",
    "clips.choose_on_page": "Primer tria un clip d'aquesta pàgina.",
    "clips.none_chosen_title": "No has triat cap clip",
    "clips.kept": "Conservat.",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN, "zh-CN": ZH_CN, "id": ID, "ca": CA}
