"""What the services say about scripts, templates, casting, clips and the feed,
in 简体中文, Bahasa Indonesia and Català.

The English of each sentence is written where it is said (``core.sentences.sentence``); these are
its translations, by the same key and with the same {placeholders}.
"""

ZH_CN = {
    # Writing a script (core.scripts.model, core.scripts.parser)
    "scripts.kind_person": "真人",
    "scripts.kind_pet": "宠物",
    "scripts.kind_object": "物品",
    "scripts.kind_character": "虚拟角色",
    "scripts.kinds_or": "{others}或{last}",
    "scripts.where_title": "标题",
    "scripts.where_shot": "镜头 {number}",
    "scripts.where_description": "镜头 {number} 的描述",
    "scripts.where_line": "镜头 {number} 中 @{speaker} 的台词",
    "scripts.where_role": "角色“{role}”",
    "scripts.control_character": "{where}包含一个不可见的控制字符（U+{code}）；请删除它。",
    "scripts.no_title": "剧本需要一个标题。",
    "scripts.title_too_long": "标题有 {length} 个字符；上限是 {limit} 个。",
    "scripts.too_long": "剧本长 {seconds} 秒；上限是 {limit} 秒。请缩短或删除一个镜头。",
    "scripts.too_short": "剧本长 {seconds} 秒；至少要 {limit} 秒。",
    "scripts.role_count": "一个剧本有 1 到 {limit} 个角色；这个剧本有 {count} 个。",
    "scripts.role_name_not_allowed": "角色名“{role}”不可用：请使用 2–24 个 a–z、0–9 或 _ 字符。",
    "scripts.role_twice": "角色“{role}”被声明了两次；角色名不能重复。",
    "scripts.role_kinds": "角色“{role}”必须接受 {kinds} 中的一种或多种。",
    "scripts.no_shots": "剧本里没有镜头；请至少添加一个。",
    "scripts.too_many_shots": "剧本有 {count} 个镜头；上限是 {limit} 个。",
    "scripts.bad_framing": "镜头 {number} 的构图是“{framing}”；请从 {choices} 中选择。",
    "scripts.bad_camera": "镜头 {number} 的运镜是“{camera}”；请从 {choices} 中选择。",
    "scripts.bad_scene": "镜头 {number} 使用的场景“{scene}”不存在；请从 {choices} 中选择。",
    "scripts.shot_length": "镜头 {number} 长 {seconds} 秒；每个镜头应为 {low} 到 {high} 秒。",
    "scripts.no_description": "镜头 {number} 需要描述发生了什么。",
    "scripts.description_too_long": "镜头 {number} 的描述有 {length} 个字符；上限是 {limit} 个。",
    "scripts.unknown_mention": "镜头 {number} 提到了 @{name}，但剧本里没有角色 {name}。",
    "scripts.dialogue_too_long": (
        "镜头 {number} 的台词大约需要 {needed} 秒才能说完，但这个镜头只有 {seconds} 秒。"
        "请缩短台词或延长镜头。"
    ),
    "scripts.unknown_speaker": (
        "镜头 {number} 把一句台词给了 @{speaker}，但剧本里没有角色 {speaker}。"
    ),
    "scripts.empty_line": "镜头 {number} 中 @{speaker} 的台词是空的；请写下要说的话。",
    "scripts.line_too_long": (
        "镜头 {number} 中 @{speaker} 的台词有 {length} 个字符；上限是 {limit} 个。"
    ),
    "scripts.saved_missing_field": "保存的剧本缺少字段 {field}。",
    "scripts.saved_malformed": "保存的剧本格式有误：{problem}。",
    "scripts.text_too_long": "剧本文本有 {length} 个字符；上限是 {limit} 个。",
    "scripts.no_shots_found": (
        "没有找到镜头。每个镜头请以“镜头一，”、“Shot 1:”或“1.”这样的编号开头。"
    ),
    "scripts.text_too_many_shots": "文本里有 {count} 个镜头；上限是 {limit} 个。",
    "scripts.bad_handle": (
        "镜头 {number} 提到的 @{name} 不是有效的用户名：用户名由 3–24 个 a–z、0–9 或 _ 字符组成。"
    ),
    "scripts.line_without_speaker": (
        "镜头 {number} 有台词“{line}”，但前面没有 @提及，所以没人能说这句话。"
        "请写成 @name: “{line}”。"
    ),
    "scripts.shots_add_up": "这些镜头加起来共 {seconds} 秒；上限是 {limit} 秒。",
    "templates.unknown": "没有模板“{template}”。",
    # Casting a script (core.scripts.casting)
    "casting.role_uncast": "角色“{role}”还没有人出演；请为它选一个分身。",
    "casting.no_such_role": "@{handle} 被安排出演“{role}”，但剧本里没有角色 {role}。",
    "casting.wrong_kind": "@{handle} 是{kind}；角色“{role}”只接受{kinds}。",
    "casting.two_roles": "@{handle} 同时出演“{first}”和“{second}”；请为其中一个换一个分身。",
    "casting.restricted": "@{handle} 的主人不允许“{clause}”；{where}（匹配到：“{words}”）。",
    "casting.where_title": "标题是“{text}”",
    "casting.where_shot": "镜头 {number} 写着“{text}”",
    # How it will be acted (core.scripts.actions, core.acting.timeline)
    "acting.shot_note": "镜头 {number}：{note}",
    "acting.and": "{others}和{last}",
    "acting.paraphrase": "“{words}”{shown}。",
    "acting.shown_as_surprise": "会演成双手举起表示惊讶",
    "acting.shown_as_hug": "会演成拥抱",
    "acting.shown_as_pointing": "会演成用手指点",
    "acting.shown_as_phone": "会演成举起手机",
    "acting.shown_as_cake": "会演成捧着蛋糕",
    "acting.shown_as_cheer": "会演成欢呼",
    "acting.shown_as_standing": "会演成站着",
    "acting.shown_as_crouching": "会演成蹲低",
    "acting.shown_as_light_laugh": "会演成轻轻一笑",
    "acting.shown_as_holding_up": "会演成把它举起来",
    "acting.shown_as_slow_nod": "会演成缓缓点头",
    "acting.shown_as_waist": "会演成在腰间拿着东西",
    "acting.shown_as_view": "会演成看着风景",
    "acting.unknown_verb": "“{words}”不是动画渲染器认识的动作；{who} 会停在原地。",
    "acting.unshowable": "动画渲染器无法表现“{words}”；该角色会停在原地。",
    # How it will sound (core.voice.languages)
    "render.unvoiced_line": "镜头 {number}，{role}：“{line}”{note}。",
    "render.unvoiced_indonesian": (
        "看起来是印度尼西亚语：目前还没有印度尼西亚语声音，所以由英语声音朗读（带英语口音）；"
        "字幕按原文显示"
    ),
    "render.unvoiced_catalan": (
        "看起来是加泰罗尼亚语：目前还没有加泰罗尼亚语声音，所以由英语声音朗读（带英语口音）；"
        "字幕按原文显示"
    ),
    "render.dialogue_too_long": (
        "镜头 {number} 的台词即使说得很快也要 {needed} 秒，但这个镜头只有 {seconds} 秒。"
        "请缩短台词或延长镜头。"
    ),
    "planning.negative_seed": "变体编号必须大于或等于 0；收到的是 {seed}。",
    # Clips (webapp.clips)
    "clip.not_yours": "这个短片不存在，或者不是你的。",
    "clip.not_visible": "这个短片不存在，或者你无权查看。",
    "clip.not_finished": "只有已完成的短片才能换成你来重新制作。",
    "clip.status_queued": "排队中",
    "clip.status_running": "渲染中",
    "clip.status_done": "已完成",
    "clip.status_failed": "已失败",
    "clip.status_cancelled": "已取消",
    "clip.already": "这个短片的状态已经是“{status}”。",
    "clip.nothing_to_cancel": "这个短片的状态已经是“{status}”，没有可以取消的。",
    "clip.audience_only_me": "你和演员表中分身的主人",
    "clip.audience_friends": "你的好友",
    "clip.audience_everyone": "所有人",
    "clip.audience_too_wide": (
        "@{handle} 的主人只允许 {audience} 观看有它出演的短片。请选择更小的观众范围。"
    ),
    "clip.no_such_double": "没有可以出演 {role} 的分身 @{handle}。",
    "clip.may_not_cast": "你不能让 @{handle} 出演 {role}：{refusal}",
    "clip.no_such_role": "这个剧本没有角色 {role}；它的角色有：{roles}。",
    "clip.choose_role": "请选择你要出演的角色：{roles}。",
    "clip.no_reference": "@{handle} 的参考资料已不存在。",
    "clip.double_unavailable": "出演 {role} 的分身已不能再使用：{refusal}",
    "clip.double_gone": "它已不存在。",
    "clip.not_your_double": "@{handle} 不是你的可用分身。",
    "clip.wrong_kind": "@{handle} 是{kind}；{role} 必须是{kinds}。",
    "clip.no_double_for_role": (
        "你没有能出演 {role}（{kinds}）的可用分身。请先在“我的分身”中注册一个。"
    ),
    "clip.nobody_fits": (
        "你能选用的分身中没有适合角色 {role}（{kinds}）的。请注册一个这样的分身，"
        "或请好友分享一个，然后在工作室中选用它。"
    ),
    "clip.too_many_active": (
        "你已经有 {count} 个短片在制作中。请等其中一个完成（或取消它）后再试。"
    ),
    "clip.too_many_this_hour": (
        "你在过去一小时内已经开始了 {count} 个短片，这是允许的上限。请稍后再试。"
    ),
    "clip.render_failed": "无法渲染这个短片：{reason}",
    "clip.render_stopped": "渲染已停止：{reason}",
    "clip.cast_double_gone": "有一个出演的分身已不存在。",
    # The feed (webapp.feed)
    "feed.not_viewable": "这个短片不存在，或者你无权观看。",
    "feed.no_video": "这个短片没有可供验证的完成视频。",
    "feed.undecodable": "无法解码这个短片的视频：{reason}",
}

ID = {
    # Writing a script (core.scripts.model, core.scripts.parser)
    "scripts.kind_person": "orang",
    "scripts.kind_pet": "hewan peliharaan",
    "scripts.kind_object": "benda",
    "scripts.kind_character": "karakter",
    "scripts.kinds_or": "{others} atau {last}",
    "scripts.where_title": "Judul",
    "scripts.where_shot": "Adegan {number}",
    "scripts.where_description": "Deskripsi adegan {number}",
    "scripts.where_line": "Dialog @{speaker} di adegan {number}",
    "scripts.where_role": "Peran '{role}'",
    "scripts.control_character": (
        "{where} berisi karakter kontrol yang tidak terlihat (U+{code}); hapus karakter itu."
    ),
    "scripts.no_title": "Naskah perlu judul.",
    "scripts.title_too_long": "Judulnya {length} karakter; batasnya {limit}.",
    "scripts.too_long": (
        "Naskah ini berdurasi {seconds} dtk; batasnya {limit} dtk. "
        "Persingkat atau hapus satu adegan."
    ),
    "scripts.too_short": "Naskah ini berdurasi {seconds} dtk; minimal harus {limit} dtk.",
    "scripts.role_count": "Naskah punya 1 sampai {limit} peran; naskah ini punya {count}.",
    "scripts.role_name_not_allowed": (
        "Nama peran '{role}' tidak diizinkan: gunakan 2–24 karakter a–z, 0–9, dan _."
    ),
    "scripts.role_twice": "Peran '{role}' dideklarasikan dua kali; nama peran harus berbeda.",
    "scripts.role_kinds": "Peran '{role}' harus menerima satu atau lebih dari {kinds}.",
    "scripts.no_shots": "Naskah ini tidak punya adegan; tambahkan setidaknya satu.",
    "scripts.too_many_shots": "Naskah ini punya {count} adegan; batasnya {limit}.",
    "scripts.bad_framing": (
        "Adegan {number} memakai framing '{framing}'; pilih salah satu dari {choices}."
    ),
    "scripts.bad_camera": (
        "Adegan {number} memakai gerakan kamera '{camera}'; pilih salah satu dari {choices}."
    ),
    "scripts.bad_scene": (
        "Adegan {number} memakai latar '{scene}', yang tidak ada; pilih salah satu dari {choices}."
    ),
    "scripts.shot_length": (
        "Adegan {number} berdurasi {seconds} dtk; satu adegan berdurasi {low} sampai {high} dtk."
    ),
    "scripts.no_description": "Adegan {number} perlu deskripsi tentang apa yang terjadi.",
    "scripts.description_too_long": (
        "Deskripsi adegan {number} panjangnya {length} karakter; batasnya {limit}."
    ),
    "scripts.unknown_mention": (
        "Adegan {number} menyebut @{name}, tetapi naskah ini tidak punya peran {name}."
    ),
    "scripts.dialogue_too_long": (
        "Dialog adegan {number} butuh sekitar {needed} dtk untuk diucapkan, tetapi adegannya "
        "hanya {seconds} dtk. Persingkat dialognya atau perpanjang adegannya."
    ),
    "scripts.unknown_speaker": (
        "Adegan {number} memberi dialog kepada @{speaker}, tetapi naskah ini tidak punya peran "
        "{speaker}."
    ),
    "scripts.empty_line": (
        "Adegan {number} punya dialog kosong untuk @{speaker}; tulis apa yang diucapkannya."
    ),
    "scripts.line_too_long": (
        "Dialog @{speaker} di adegan {number} panjangnya {length} karakter; batasnya {limit}."
    ),
    "scripts.saved_missing_field": "Naskah yang disimpan tidak memiliki kolom {field}.",
    "scripts.saved_malformed": "Naskah yang disimpan rusak: {problem}.",
    "scripts.text_too_long": "Teks naskah panjangnya {length} karakter; batasnya {limit}.",
    "scripts.no_shots_found": (
        'Tidak ada adegan yang ditemukan. Mulai setiap adegan dengan "Shot 1:", "镜头一，" '
        'atau nomor seperti "1.".'
    ),
    "scripts.text_too_many_shots": "Teks ini punya {count} adegan; batasnya {limit}.",
    "scripts.bad_handle": (
        "Adegan {number} menyebut @{name}, yang bukan nama pengguna yang valid: nama pengguna "
        "terdiri dari 3–24 karakter a–z, 0–9, dan _."
    ),
    "scripts.line_without_speaker": (
        "Adegan {number} punya dialog “{line}” tetapi tanpa @sebutan sebelumnya, jadi tidak ada "
        "yang bisa mengucapkannya. Tulis sebagai @nama: “{line}”."
    ),
    "scripts.shots_add_up": "Total durasi adegan {seconds} dtk; batasnya {limit} dtk.",
    "templates.unknown": "Tidak ada template '{template}'.",
    # Casting a script (core.scripts.casting)
    "casting.role_uncast": "Peran '{role}' belum ada pemerannya; pilih kembaran untuknya.",
    "casting.no_such_role": (
        "@{handle} dipilih untuk peran '{role}', tetapi naskah ini tidak punya peran {role}."
    ),
    "casting.wrong_kind": "@{handle} adalah {kind}; peran '{role}' hanya menerima {kinds}.",
    "casting.two_roles": (
        "@{handle} dipilih untuk peran '{first}' sekaligus '{second}'; pilih kembaran lain "
        "untuk salah satunya."
    ),
    "casting.restricted": (
        "Pemilik @{handle} tidak mengizinkan “{clause}”; {where} (cocok dengan: “{words}”)."
    ),
    "casting.where_title": "judulnya berbunyi “{text}”",
    "casting.where_shot": "adegan {number} berbunyi “{text}”",
    # How it will be acted (core.scripts.actions, core.acting.timeline)
    "acting.shot_note": "Adegan {number}: {note}",
    "acting.and": "{others} dan {last}",
    "acting.paraphrase": "'{words}' {shown}.",
    "acting.shown_as_surprise": "ditampilkan sebagai mengangkat tangan karena terkejut",
    "acting.shown_as_hug": "ditampilkan sebagai pelukan",
    "acting.shown_as_pointing": "ditampilkan sebagai menunjuk",
    "acting.shown_as_phone": "ditampilkan sebagai mengangkat ponsel",
    "acting.shown_as_cake": "ditampilkan sebagai memegang kue",
    "acting.shown_as_cheer": "ditampilkan sebagai bersorak",
    "acting.shown_as_standing": "ditampilkan sebagai berdiri",
    "acting.shown_as_crouching": "ditampilkan sebagai berjongkok rendah",
    "acting.shown_as_light_laugh": "ditampilkan sebagai tawa kecil",
    "acting.shown_as_holding_up": "ditampilkan sebagai mengangkatnya",
    "acting.shown_as_slow_nod": "ditampilkan sebagai anggukan pelan",
    "acting.shown_as_waist": "ditampilkan sebagai memegang sesuatu di pinggang",
    "acting.shown_as_view": "ditampilkan sebagai memandang pemandangan",
    "acting.unknown_verb": (
        "'{words}' bukan aksi yang dikenal perender animasi; {who} tetap di tempat."
    ),
    "acting.unshowable": (
        "'{words}' tidak bisa ditampilkan oleh perender animasi; pemerannya tetap di tempat."
    ),
    # How it will sound (core.voice.languages)
    "render.unvoiced_line": "Adegan {number}, {role}: “{line}” {note}.",
    "render.unvoiced_indonesian": (
        "tampaknya bahasa Indonesia: belum ada suara bahasa Indonesia, jadi suara bahasa Inggris "
        "yang membacanya (dengan aksen Inggris); subtitelnya ditampilkan sesuai tulisan"
    ),
    "render.unvoiced_catalan": (
        "tampaknya bahasa Katalan: belum ada suara bahasa Katalan, jadi suara bahasa Inggris "
        "yang membacanya (dengan aksen Inggris); subtitelnya ditampilkan sesuai tulisan"
    ),
    "render.dialogue_too_long": (
        "Dialog adegan {number} butuh {needed} dtk meski diucapkan cepat, tetapi adegannya hanya "
        "{seconds} dtk. Persingkat dialognya atau perpanjang adegannya."
    ),
    "planning.negative_seed": "Nomor variasi harus 0 atau lebih; yang diberikan {seed}.",
    # Clips (webapp.clips)
    "clip.not_yours": "Klip itu tidak ada atau bukan milik Anda.",
    "clip.not_visible": "Klip itu tidak ada atau Anda tidak bisa melihatnya.",
    "clip.not_finished": (
        "Hanya klip yang sudah selesai yang bisa dibuat ulang dengan Anda di dalamnya."
    ),
    "clip.status_queued": "dalam antrean",
    "clip.status_running": "sedang dirender",
    "clip.status_done": "selesai",
    "clip.status_failed": "gagal",
    "clip.status_cancelled": "dibatalkan",
    "clip.already": "Klip itu sudah berstatus {status}.",
    "clip.nothing_to_cancel": (
        "Klip itu sudah berstatus {status}; tidak ada yang bisa dibatalkan."
    ),
    "clip.audience_only_me": "Anda dan pemilik para pemeran",
    "clip.audience_friends": "teman-teman Anda",
    "clip.audience_everyone": "semua orang",
    "clip.audience_too_wide": (
        "Pemilik @{handle} hanya mengizinkan klip yang memuatnya dilihat oleh {audience}. "
        "Pilih penonton yang lebih terbatas."
    ),
    "clip.no_such_double": "Tidak ada kembaran @{handle} untuk memerankan {role}.",
    "clip.may_not_cast": "Anda tidak bisa memilih @{handle} untuk peran {role}: {refusal}",
    "clip.no_such_role": "Naskah ini tidak punya peran {role}; perannya adalah {roles}.",
    "clip.choose_role": "Pilih peran yang ingin Anda mainkan: {roles}.",
    "clip.no_reference": "@{handle} tidak punya data referensi lagi.",
    "clip.double_unavailable": "Kembaran yang memerankan {role} tidak bisa dipakai lagi: {refusal}",
    "clip.double_gone": "kembaran itu sudah tidak ada.",
    "clip.not_your_double": "@{handle} bukan salah satu kembaran aktif Anda.",
    "clip.wrong_kind": "@{handle} adalah {kind}; {role} harus {kinds}.",
    "clip.no_double_for_role": (
        "Anda tidak punya kembaran aktif yang bisa memerankan {role} ({kinds}). Daftarkan satu "
        "di Kembaran saya terlebih dahulu."
    ),
    "clip.nobody_fits": (
        "Tidak ada kembaran yang bisa Anda pilih yang cocok untuk peran {role} ({kinds}). "
        "Daftarkan kembaran seperti itu atau minta teman membagikannya, lalu pilih di Studio."
    ),
    "clip.too_many_active": (
        "Anda sudah punya {count} klip yang sedang diproses. Tunggu salah satunya selesai "
        "(atau batalkan), lalu coba lagi."
    ),
    "clip.too_many_this_hour": (
        "Anda sudah memulai {count} klip dalam satu jam terakhir, batas maksimal yang kami "
        "izinkan. Silakan coba lagi nanti."
    ),
    "clip.render_failed": "Klip ini tidak bisa dirender: {reason}",
    "clip.render_stopped": "Render dihentikan: {reason}",
    "clip.cast_double_gone": "salah satu kembaran pemeran sudah tidak ada.",
    # The feed (webapp.feed)
    "feed.not_viewable": "Klip itu tidak ada atau Anda tidak boleh menontonnya.",
    "feed.no_video": "Klip itu belum punya video jadi untuk diverifikasi.",
    "feed.undecodable": "Video klip ini tidak bisa didekode: {reason}",
}

CA = {
    # Writing a script (core.scripts.model, core.scripts.parser)
    "scripts.kind_person": "persona",
    "scripts.kind_pet": "mascota",
    "scripts.kind_object": "objecte",
    "scripts.kind_character": "personatge",
    "scripts.kinds_or": "{others} o {last}",
    "scripts.where_title": "El títol",
    "scripts.where_shot": "El pla {number}",
    "scripts.where_description": "La descripció del pla {number}",
    "scripts.where_line": "La frase de @{speaker} al pla {number}",
    "scripts.where_role": "El paper '{role}'",
    "scripts.control_character": (
        "{where} conté un caràcter de control invisible (U+{code}); treu-lo."
    ),
    "scripts.no_title": "El guió necessita un títol.",
    "scripts.title_too_long": "El títol té {length} caràcters; el límit és {limit}.",
    "scripts.too_long": ("El guió dura {seconds} s; el límit és {limit} s. Escurça o treu un pla."),
    "scripts.too_short": "El guió dura {seconds} s; ha de durar almenys {limit} s.",
    "scripts.role_count": "Un guió té d'1 a {limit} papers; aquest en té {count}.",
    "scripts.role_name_not_allowed": (
        "El nom de paper '{role}' no està permès: fes servir de 2 a 24 caràcters d'a–z, 0–9 i _."
    ),
    "scripts.role_twice": (
        "El paper '{role}' està declarat dues vegades; els noms dels papers han de ser diferents."
    ),
    "scripts.role_kinds": "El paper '{role}' ha d'acceptar un o més d'aquests tipus: {kinds}.",
    "scripts.no_shots": "El guió no té cap pla; afegeix-ne almenys un.",
    "scripts.too_many_shots": "El guió té {count} plans; el límit és {limit}.",
    "scripts.bad_framing": (
        "El pla {number} té l'enquadrament '{framing}'; tria'n un d'aquests: {choices}."
    ),
    "scripts.bad_camera": (
        "El pla {number} té el moviment de càmera '{camera}'; tria'n un d'aquests: {choices}."
    ),
    "scripts.bad_scene": (
        "El pla {number} fa servir l'escenari '{scene}', que no existeix; tria'n un d'aquests: "
        "{choices}."
    ),
    "scripts.shot_length": "El pla {number} dura {seconds} s; un pla dura de {low} a {high} s.",
    "scripts.no_description": "El pla {number} necessita una descripció del que hi passa.",
    "scripts.description_too_long": (
        "La descripció del pla {number} té {length} caràcters; el límit és {limit}."
    ),
    "scripts.unknown_mention": (
        "El pla {number} esmenta @{name}, però el guió no té cap paper {name}."
    ),
    "scripts.dialogue_too_long": (
        "El diàleg del pla {number} necessita uns {needed} s per dir-se, però el pla dura "
        "{seconds} s. Escurça la frase o allarga el pla."
    ),
    "scripts.unknown_speaker": (
        "El pla {number} dona una frase a @{speaker}, però el guió no té cap paper {speaker}."
    ),
    "scripts.empty_line": "El pla {number} té una frase buida per a @{speaker}; escriu què diu.",
    "scripts.line_too_long": (
        "La frase de @{speaker} al pla {number} té {length} caràcters; el límit és {limit}."
    ),
    "scripts.saved_missing_field": "Al guió desat li falta el camp {field}.",
    "scripts.saved_malformed": "El guió desat està mal format: {problem}.",
    "scripts.text_too_long": "El text del guió té {length} caràcters; el límit és {limit}.",
    "scripts.no_shots_found": (
        'No s\'ha trobat cap pla. Comença cada pla amb "Shot 1:", "镜头一，" o un número com "1.".'
    ),
    "scripts.text_too_many_shots": "El text té {count} plans; el límit és {limit}.",
    "scripts.bad_handle": (
        "El pla {number} esmenta @{name}, que no és un nom d'usuari vàlid: els noms d'usuari "
        "tenen de 3 a 24 caràcters d'a–z, 0–9 i _."
    ),
    "scripts.line_without_speaker": (
        "El pla {number} té la frase “{line}” però cap @menció al davant, així que ningú no la "
        "pot dir. Escriu-la com a @nom: “{line}”."
    ),
    "scripts.shots_add_up": "Els plans sumen {seconds} s; el límit és {limit} s.",
    "templates.unknown": "No hi ha cap plantilla '{template}'.",
    # Casting a script (core.scripts.casting)
    "casting.role_uncast": "El paper '{role}' encara no té ningú assignat; tria-hi un doble.",
    "casting.no_such_role": (
        "@{handle} fa el paper '{role}', però el guió no té cap paper {role}."
    ),
    "casting.wrong_kind": (
        "@{handle} és de tipus {kind}; el paper '{role}' només accepta {kinds}."
    ),
    "casting.two_roles": (
        "@{handle} fa alhora els papers '{first}' i '{second}'; tria un doble diferent per a un "
        "dels dos."
    ),
    "casting.restricted": (
        "El propietari de @{handle} no permet “{clause}”; {where} (coincidència: “{words}”)."
    ),
    "casting.where_title": "el títol diu “{text}”",
    "casting.where_shot": "el pla {number} diu “{text}”",
    # How it will be acted (core.scripts.actions, core.acting.timeline)
    "acting.shot_note": "Pla {number}: {note}",
    "acting.and": "{others} i {last}",
    "acting.paraphrase": "'{words}' {shown}.",
    "acting.shown_as_surprise": "es mostra com les mans enlaire de sorpresa",
    "acting.shown_as_hug": "es mostra com una abraçada",
    "acting.shown_as_pointing": "es mostra com assenyalar",
    "acting.shown_as_phone": "es mostra com aixecar un mòbil",
    "acting.shown_as_cake": "es mostra com sostenir el pastís",
    "acting.shown_as_cheer": "es mostra com una celebració",
    "acting.shown_as_standing": "es mostra com estar dret",
    "acting.shown_as_crouching": "es mostra com ajupir-se",
    "acting.shown_as_light_laugh": "es mostra com una rialla suau",
    "acting.shown_as_holding_up": "es mostra com aixecar-ho",
    "acting.shown_as_slow_nod": "es mostra com un assentiment lent",
    "acting.shown_as_waist": "es mostra com sostenir alguna cosa a la cintura",
    "acting.shown_as_view": "es mostra com mirar el paisatge",
    "acting.unknown_verb": (
        "'{words}' no és cap acció que conegui el renderitzador animat; {who} no es mou del lloc."
    ),
    "acting.unshowable": (
        "El renderitzador animat no pot mostrar '{words}'; el personatge no es mou del lloc."
    ),
    # How it will sound (core.voice.languages)
    "render.unvoiced_line": "Pla {number}, {role}: “{line}” {note}.",
    "render.unvoiced_indonesian": (
        "sembla indonesi: encara no hi ha cap veu en indonesi, així que la llegeix la veu anglesa "
        "(amb accent anglès); el subtítol la mostra tal com està escrita"
    ),
    "render.unvoiced_catalan": (
        "sembla català: encara no hi ha cap veu en català, així que la llegeix la veu anglesa "
        "(amb accent anglès); el subtítol la mostra tal com està escrita"
    ),
    "render.dialogue_too_long": (
        "El diàleg del pla {number} necessita {needed} s fins i tot dit de pressa, però el pla "
        "dura {seconds} s. Escurça les frases o allarga el pla."
    ),
    "planning.negative_seed": "El número de variació ha de ser 0 o més; s'ha rebut {seed}.",
    # Clips (webapp.clips)
    "clip.not_yours": "Aquest clip no existeix o no és teu.",
    "clip.not_visible": "Aquest clip no existeix o no el pots veure.",
    "clip.not_finished": "Només els clips acabats es poden refer amb tu a dins.",
    "clip.status_queued": "en cua",
    "clip.status_running": "en curs",
    "clip.status_done": "acabat",
    "clip.status_failed": "fallit",
    "clip.status_cancelled": "cancel·lat",
    "clip.already": "L'estat d'aquest clip ja és «{status}».",
    "clip.nothing_to_cancel": (
        "L'estat d'aquest clip ja és «{status}»; no hi ha res a cancel·lar."
    ),
    "clip.audience_only_me": "tu i els propietaris del repartiment",
    "clip.audience_friends": "els teus amics",
    "clip.audience_everyone": "tothom",
    "clip.audience_too_wide": (
        "El propietari de @{handle} només permet que vegin els clips on surt {audience}. "
        "Tria un públic més reduït."
    ),
    "clip.no_such_double": "No hi ha cap doble @{handle} per fer el paper de {role}.",
    "clip.may_not_cast": "No pots donar el paper de {role} a @{handle}: {refusal}",
    "clip.no_such_role": "Aquest guió no té cap paper {role}; els seus papers són {roles}.",
    "clip.choose_role": "Tria quin paper vols fer: {roles}.",
    "clip.no_reference": "@{handle} ja no té dades de referència.",
    "clip.double_unavailable": (
        "El doble que fa el paper de {role} ja no es pot fer servir: {refusal}"
    ),
    "clip.double_gone": "ja no existeix.",
    "clip.not_your_double": "@{handle} no és cap dels teus dobles actius.",
    "clip.wrong_kind": "@{handle} és de tipus {kind}; {role} ha de ser de tipus {kinds}.",
    "clip.no_double_for_role": (
        "No tens cap doble actiu que pugui fer el paper de {role} ({kinds}). Primer registra'n "
        "un a Els meus dobles."
    ),
    "clip.nobody_fits": (
        "Cap doble que puguis triar no encaixa amb el paper {role} ({kinds}). Registra'n un o "
        "demana a un amic que te'n comparteixi un, i després tria'l a l'Estudi."
    ),
    "clip.too_many_active": (
        "Ja tens {count} clips en curs. Espera que se n'acabi un (o cancel·la'l) i torna-ho "
        "a provar."
    ),
    "clip.too_many_this_hour": (
        "Has començat {count} clips en l'última hora, el màxim que permetem. Torna-ho a provar "
        "una mica més tard."
    ),
    "clip.render_failed": "No s'ha pogut renderitzar el clip: {reason}",
    "clip.render_stopped": "S'ha aturat la renderització: {reason}",
    "clip.cast_double_gone": "un dels dobles del repartiment ja no existeix.",
    # The feed (webapp.feed)
    "feed.not_viewable": "Aquest clip no existeix o no el pots mirar.",
    "feed.no_video": "Aquest clip no té cap vídeo acabat per verificar.",
    "feed.undecodable": "No s'ha pogut descodificar el vídeo del clip: {reason}",
}

TRANSLATIONS: dict[str, dict[str, str]] = {"zh-CN": ZH_CN, "id": ID, "ca": CA}
