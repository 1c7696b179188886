"""The Appearances and Friends tabs and the account line: lists, empty states, table headers,
status words and the answers to each action."""

EN: dict[str, str] = {
    # Account line at the top of every page
    "account.guest": "Browsing as a guest. **Sign in** to register your double and make clips.",
    "account.signed_in_as": "Signed in as **{name}** (@{username})",
    # Appearances: labels the browser translates
    "appearances.empty": (
        "No clip uses your doubles yet. When anyone casts one of them (you included), the clip "
        "is listed here from the moment it is queued, private drafts too."
    ),
    "appearances.table_label": "Select a row to act on it",
    "appearances.watch": "Watch",
    "appearances.delete_confirm": "Yes: delete this clip for everyone and erase its video",
    "appearances.delete": "Delete clip",
    "appearances.report_reason": "What is wrong with this clip?",
    "appearances.report": "Report clip",
    "appearances.revoke": "Revoke creator's permission",
    "appearances.restore": "Restore creator's permission",
    # Appearances: written by the server
    "appearances.col.creator": "Creator",
    "appearances.col.created": "Created",
    "appearances.col.status": "Status",
    "appearances.col.my_double": "My double",
    "appearances.col.note": "Note",
    "appearances.col.clip_id": "Clip id",
    "appearances.me": "me",
    "appearances.as_role": "@{handle} as {role}",
    "appearances.made_by": "Made by {creator} (@{username}) on {date}",
    "appearances.status_line": "Status: {state} · your doubles: {doubles}",
    "appearances.revoked_note": (
        "You revoked this creator's permission for your doubles in this clip."
    ),
    "appearances.no_video": "No video to watch (not finished, or deleted).",
    "appearances.choose_from_list": "Choose a clip from the list first.",
    "appearances.tick_to_confirm": "Tick this box to confirm the deletion.",
    "appearances.say_what": "Say briefly what is wrong (1–{limit} characters).",
    "appearances.not_reported": "Not reported",
    "appearances.not_revoked": "Not revoked",
    "appearances.not_restored": "Not restored",
    # Friends: labels the browser translates
    "friends.incoming_label": "Requests waiting for your answer",
    "friends.accept": "Accept",
    "friends.decline": "Decline",
    "friends.search_placeholder": "e.g. maya",
    "friends.found_label": "People found",
    "friends.add": "Add friend",
    "friends.accept_request": "Accept request",
    "friends.cancel_request": "Cancel request",
    "friends.list_label": "Your friends",
    "friends.unfriend": "Unfriend",
    "friends.block": "Block",
    "friends.outgoing_label": "Waiting for an answer",
    "friends.blocked_label": "People you blocked",
    "friends.unblock": "Unblock",
    "friends.empty.incoming": "No requests are waiting for you.",
    "friends.empty.friends": (
        "No friends yet. Find people by their username and send them a request."
    ),
    "friends.empty.outgoing": "You have no requests waiting for an answer.",
    "friends.empty.blocked": "You haven't blocked anyone.",
    "friends.empty.results": "Search for someone by their username (part of it is enough).",
    # Friends: written by the server
    "friends.requests_count": "### Friend requests ({count})",
    "friends.your_friends_count": "### Your friends ({count})",
    "friends.since": "since {date}",
    "friends.relationship.none": "not connected",
    "friends.relationship.friends": "friends",
    "friends.relationship.request_sent": "request sent",
    "friends.relationship.request_received": "wants to be your friend",
    "friends.relationship.blocked": "blocked by you",
    "friends.no_one_found": "No one found for “{query}”.",
    "friends.done.sent": "Request sent to **{name}**.",
    "friends.done.accepted": "You and **{name}** are now friends.",
    "friends.done.cancelled": "Request to **{name}** cancelled.",
    "friends.done.declined": "Request from **{name}** declined.",
    "friends.done.unfriended": "You and **{name}** are no longer friends.",
    "friends.done.blocked": (
        "**{name}** is blocked: neither of you can find, befriend or cast the other."
    ),
    "friends.done.unblocked": "**{name}** is unblocked.",
    "friends.choose_person": "Choose a person in the list first.",
    "friends.find_title": "Find people",
    "friends.type_part": "Type part of a username.",
    # Sign-in and sign-up (titles of refusals), and what every handler says to a guest
    "session.not_signed_in": "Not signed in",
    "account.passwords_differ": "The two passwords don't match.",
    # Who may use a double: the approvals panel in the My doubles edit panel
    "grants.about": (
        "#### Who may use this double\nPeople you approve may cast it while it is shared with "
        "“People I approve”. **Withdraw** keeps one person out in every sharing setting — friends "
        "and everyone too — even before they have made anything; it also hides the clips they "
        "made with it, until you restore them."
    ),
    "grants.double": "Double",
    "grants.people_label": "People with a say on this double",
    "grants.empty": (
        "Nobody is named yet. Type a username to approve someone, or to keep one person out "
        "whatever the sharing setting; you can change it again at any time."
    ),
    "grants.person": "A person (username)",
    "grants.person_placeholder": "e.g. bob",
    "grants.approve": "Approve",
    "grants.withdraw": "Withdraw",
    "grants.remove_selected": "Remove the selected person",
    "grants.restore_selected": "Restore the selected person",
    "grants.choose_person": "Type or choose a person's username first.",
    "grants.status.approved": "approved",
    "grants.status.revoked": "permission withdrawn",
    "grants.done.approved": "**{name}** may now use this double.",
    "grants.done.withdrawn": "**{name}** may no longer use this double.",
    "grants.done.restored": "**{name}** is restored: the double's sharing setting applies.",
    # My data: deleting the account
    "privacy.delete_heading": "Delete my account",
    "privacy.delete_warning": (
        "This erases every double's media, face and voice data, removes every clip you made "
        "or appear in, ends your friendships and signs you out everywhere. It can't be undone."
    ),
    "privacy.your_username": "Your username",
    "privacy.confirm_hint": "Type your username to confirm.",
    "privacy.not_deleted": "**Not deleted.** {reason}",
    "privacy.deleted": (
        "Your account is deleted: {doubles} double(s) erased and {clips} clip(s) removed. You "
        "are signed out."
    ),
}

ZH_CN: dict[str, str] = {
    "account.guest": "正在以访客身份浏览。**登录**后即可注册你的分身并制作短片。",
    "account.signed_in_as": "已登录：**{name}**（@{username}）",
    "appearances.empty": (
        "还没有短片使用你的分身。任何人（包括你自己）选用你的分身时，短片从排队那一刻起就会列在这里，"
        "私密草稿也不例外。"
    ),
    "appearances.table_label": "选择一行进行操作",
    "appearances.watch": "观看",
    "appearances.delete_confirm": "是的：为所有人删除此短片并清除其视频",
    "appearances.delete": "删除短片",
    "appearances.report_reason": "这个短片有什么问题？",
    "appearances.report": "举报短片",
    "appearances.revoke": "撤销创作者的许可",
    "appearances.restore": "恢复创作者的许可",
    "appearances.col.creator": "创作者",
    "appearances.col.created": "创建时间",
    "appearances.col.status": "状态",
    "appearances.col.my_double": "我的分身",
    "appearances.col.note": "备注",
    "appearances.col.clip_id": "短片编号",
    "appearances.me": "我",
    "appearances.as_role": "@{handle} 饰演 {role}",
    "appearances.made_by": "由 {creator}（@{username}）于 {date} 制作",
    "appearances.status_line": "状态：{state} · 你的分身：{doubles}",
    "appearances.revoked_note": "你已撤销此创作者在这个短片中使用你分身的许可。",
    "appearances.no_video": "没有可观看的视频（尚未完成或已删除）。",
    "appearances.choose_from_list": "请先从列表中选择一个短片。",
    "appearances.tick_to_confirm": "勾选此框以确认删除。",
    "appearances.say_what": "请简要说明问题（1–{limit} 个字符）。",
    "appearances.not_reported": "未举报",
    "appearances.not_revoked": "未撤销",
    "appearances.not_restored": "未恢复",
    "friends.incoming_label": "等待你回复的请求",
    "friends.accept": "接受",
    "friends.decline": "拒绝",
    "friends.search_placeholder": "例如 maya",
    "friends.found_label": "找到的用户",
    "friends.add": "添加好友",
    "friends.accept_request": "接受请求",
    "friends.cancel_request": "取消请求",
    "friends.list_label": "你的好友",
    "friends.unfriend": "解除好友",
    "friends.block": "屏蔽",
    "friends.outgoing_label": "等待对方回复",
    "friends.blocked_label": "你屏蔽的用户",
    "friends.unblock": "取消屏蔽",
    "friends.empty.incoming": "没有等待你回复的请求。",
    "friends.empty.friends": "还没有好友。按用户名查找他人并向对方发送请求吧。",
    "friends.empty.outgoing": "你没有等待回复的请求。",
    "friends.empty.blocked": "你还没有屏蔽任何人。",
    "friends.empty.results": "按用户名搜索某人（输入一部分即可）。",
    "friends.requests_count": "### 好友请求（{count}）",
    "friends.your_friends_count": "### 你的好友（{count}）",
    "friends.since": "自 {date} 起",
    "friends.relationship.none": "尚未建立联系",
    "friends.relationship.friends": "好友",
    "friends.relationship.request_sent": "已发送请求",
    "friends.relationship.request_received": "想加你为好友",
    "friends.relationship.blocked": "已被你屏蔽",
    "friends.no_one_found": "没有找到与“{query}”相关的用户。",
    "friends.done.sent": "已向 **{name}** 发送请求。",
    "friends.done.accepted": "你和 **{name}** 现在是好友了。",
    "friends.done.cancelled": "已取消发给 **{name}** 的请求。",
    "friends.done.declined": "已拒绝 **{name}** 的请求。",
    "friends.done.unfriended": "你和 **{name}** 已不再是好友。",
    "friends.done.blocked": "**{name}** 已被屏蔽：你们双方都无法查找、添加对方为好友或选用对方。",
    "friends.done.unblocked": "已取消屏蔽 **{name}**。",
    "friends.choose_person": "请先在列表中选择一个人。",
    "friends.find_title": "查找用户",
    "friends.type_part": "请输入用户名的一部分。",
    "session.not_signed_in": "未登录",
    "account.passwords_differ": "两次输入的密码不一致。",
    "grants.about": (
        "#### 谁可以使用这个分身\n在分享设置为“我批准的人”时，你批准的人可以选用它。"
        "**收回**会在任何分享设置下（包括好友和所有人）把某个人排除在外，即使对方还没有制作任何"
        "内容；同时也会隐藏对方用它制作的短片，直到你恢复对方的许可。"
    ),
    "grants.double": "分身",
    "grants.people_label": "与这个分身有关的人",
    "grants.empty": (
        "还没有指定任何人。输入用户名即可批准某人，或者无论分享设置如何都把某个人排除在外；"
        "你随时可以再更改。"
    ),
    "grants.person": "某个人（用户名）",
    "grants.person_placeholder": "例如 bob",
    "grants.approve": "批准",
    "grants.withdraw": "收回",
    "grants.remove_selected": "移除所选的人",
    "grants.restore_selected": "恢复所选的人",
    "grants.choose_person": "请先输入或选择一个人的用户名。",
    "grants.status.approved": "已批准",
    "grants.status.revoked": "许可已收回",
    "grants.done.approved": "**{name}** 现在可以使用这个分身了。",
    "grants.done.withdrawn": "**{name}** 不能再使用这个分身了。",
    "grants.done.restored": "**{name}** 已恢复：适用这个分身的分享设置。",
    "privacy.delete_heading": "删除我的账户",
    "privacy.delete_warning": (
        "这会清除每个分身的素材、面部和声音数据，移除你制作或出现的每个短片，结束你的好友关系，"
        "并让你在所有地方退出登录。此操作无法撤销。"
    ),
    "privacy.your_username": "你的用户名",
    "privacy.confirm_hint": "请输入你的用户名以确认。",
    "privacy.not_deleted": "**未删除。** {reason}",
    "privacy.deleted": (
        "你的账户已删除：清除了 {doubles} 个分身，移除了 {clips} 个短片。你已退出登录。"
    ),
}

ID: dict[str, str] = {
    "account.guest": (
        "Menjelajah sebagai tamu. **Masuk** untuk mendaftarkan kembaran Anda dan membuat klip."
    ),
    "account.signed_in_as": "Masuk sebagai **{name}** (@{username})",
    "appearances.empty": (
        "Belum ada klip yang memakai kembaran Anda. Begitu seseorang (termasuk Anda) memerankan "
        "salah satunya, klip itu tercantum di sini sejak masuk antrean, draf pribadi juga."
    ),
    "appearances.table_label": "Pilih satu baris untuk menindaklanjutinya",
    "appearances.watch": "Tonton",
    "appearances.delete_confirm": "Ya: hapus klip ini untuk semua orang dan hapus videonya",
    "appearances.delete": "Hapus klip",
    "appearances.report_reason": "Apa yang salah dengan klip ini?",
    "appearances.report": "Laporkan klip",
    "appearances.revoke": "Cabut izin pembuat",
    "appearances.restore": "Pulihkan izin pembuat",
    "appearances.col.creator": "Pembuat",
    "appearances.col.created": "Dibuat",
    "appearances.col.status": "Keadaan",
    "appearances.col.my_double": "Kembaran saya",
    "appearances.col.note": "Catatan",
    "appearances.col.clip_id": "ID klip",
    "appearances.me": "saya",
    "appearances.as_role": "@{handle} sebagai {role}",
    "appearances.made_by": "Dibuat oleh {creator} (@{username}) pada {date}",
    "appearances.status_line": "Status: {state} · kembaran Anda: {doubles}",
    "appearances.revoked_note": (
        "Anda mencabut izin pembuat ini untuk memakai kembaran Anda dalam klip ini."
    ),
    "appearances.no_video": "Tidak ada video untuk ditonton (belum selesai, atau sudah dihapus).",
    "appearances.choose_from_list": "Pilih klip dari daftar terlebih dahulu.",
    "appearances.tick_to_confirm": "Centang kotak ini untuk mengonfirmasi penghapusan.",
    "appearances.say_what": "Jelaskan singkat apa yang salah (1–{limit} karakter).",
    "appearances.not_reported": "Tidak dilaporkan",
    "appearances.not_revoked": "Tidak dicabut",
    "appearances.not_restored": "Tidak dipulihkan",
    "friends.incoming_label": "Permintaan yang menunggu jawaban Anda",
    "friends.accept": "Terima",
    "friends.decline": "Tolak",
    "friends.search_placeholder": "mis. maya",
    "friends.found_label": "Orang yang ditemukan",
    "friends.add": "Tambah teman",
    "friends.accept_request": "Terima permintaan",
    "friends.cancel_request": "Batalkan permintaan",
    "friends.list_label": "Teman Anda",
    "friends.unfriend": "Hapus pertemanan",
    "friends.block": "Blokir",
    "friends.outgoing_label": "Menunggu jawaban",
    "friends.blocked_label": "Orang yang Anda blokir",
    "friends.unblock": "Buka blokir",
    "friends.empty.incoming": "Tidak ada permintaan yang menunggu Anda.",
    "friends.empty.friends": (
        "Belum punya teman. Cari orang berdasarkan nama penggunanya dan kirimi mereka permintaan."
    ),
    "friends.empty.outgoing": "Tidak ada permintaan Anda yang menunggu jawaban.",
    "friends.empty.blocked": "Anda belum memblokir siapa pun.",
    "friends.empty.results": "Cari seseorang berdasarkan nama penggunanya (sebagian saja cukup).",
    "friends.requests_count": "### Permintaan pertemanan ({count})",
    "friends.your_friends_count": "### Teman Anda ({count})",
    "friends.since": "sejak {date}",
    "friends.relationship.none": "belum terhubung",
    "friends.relationship.friends": "berteman",
    "friends.relationship.request_sent": "permintaan terkirim",
    "friends.relationship.request_received": "ingin berteman dengan Anda",
    "friends.relationship.blocked": "Anda blokir",
    "friends.no_one_found": "Tidak ada yang ditemukan untuk “{query}”.",
    "friends.done.sent": "Permintaan terkirim ke **{name}**.",
    "friends.done.accepted": "Anda dan **{name}** sekarang berteman.",
    "friends.done.cancelled": "Permintaan ke **{name}** dibatalkan.",
    "friends.done.declined": "Permintaan dari **{name}** ditolak.",
    "friends.done.unfriended": "Anda dan **{name}** tidak lagi berteman.",
    "friends.done.blocked": (
        "**{name}** diblokir: kalian berdua tidak dapat saling mencari, berteman, atau "
        "memerankan kembaran satu sama lain."
    ),
    "friends.done.unblocked": "**{name}** tidak lagi diblokir.",
    "friends.choose_person": "Pilih seseorang di daftar terlebih dahulu.",
    "friends.find_title": "Cari orang",
    "friends.type_part": "Ketik sebagian nama pengguna.",
    "session.not_signed_in": "Belum masuk",
    "account.passwords_differ": "Kedua kata sandi tidak sama.",
    "grants.about": (
        "#### Siapa yang boleh memakai kembaran ini\nOrang yang Anda setujui boleh memerankannya "
        "selama kembaran ini dibagikan kepada “Orang yang saya setujui”. **Cabut** menahan satu "
        "orang di setiap pengaturan berbagi — teman dan semua orang juga — bahkan sebelum mereka "
        "membuat apa pun; klip yang mereka buat dengannya juga disembunyikan sampai Anda "
        "memulihkannya."
    ),
    "grants.double": "Kembaran",
    "grants.people_label": "Orang yang terkait dengan kembaran ini",
    "grants.empty": (
        "Belum ada yang disebut. Ketik nama pengguna untuk menyetujui seseorang, atau untuk "
        "menahan satu orang apa pun pengaturan berbaginya; Anda bisa mengubahnya lagi kapan saja."
    ),
    "grants.person": "Seseorang (nama pengguna)",
    "grants.person_placeholder": "mis. bob",
    "grants.approve": "Setujui",
    "grants.withdraw": "Cabut",
    "grants.remove_selected": "Hapus orang yang dipilih",
    "grants.restore_selected": "Pulihkan orang yang dipilih",
    "grants.choose_person": "Ketik atau pilih nama pengguna seseorang terlebih dahulu.",
    "grants.status.approved": "disetujui",
    "grants.status.revoked": "izin dicabut",
    "grants.done.approved": "**{name}** sekarang boleh memakai kembaran ini.",
    "grants.done.withdrawn": "**{name}** tidak lagi boleh memakai kembaran ini.",
    "grants.done.restored": "**{name}** dipulihkan: pengaturan berbagi kembaran ini berlaku.",
    "privacy.delete_heading": "Hapus akun saya",
    "privacy.delete_warning": (
        "Ini menghapus media, data wajah, dan data suara setiap kembaran, menghapus setiap klip "
        "yang Anda buat atau tampil di dalamnya, mengakhiri pertemanan Anda, dan mengeluarkan "
        "Anda di mana saja. Tindakan ini tidak dapat dibatalkan."
    ),
    "privacy.your_username": "Nama pengguna Anda",
    "privacy.confirm_hint": "Ketik nama pengguna Anda untuk mengonfirmasi.",
    "privacy.not_deleted": "**Tidak dihapus.** {reason}",
    "privacy.deleted": (
        "Akun Anda sudah dihapus: {doubles} kembaran dihapus dan {clips} klip disingkirkan. "
        "Anda sudah keluar."
    ),
}

CA: dict[str, str] = {
    "account.guest": (
        "Navegues com a convidat. **Inicia la sessió** per registrar el teu doble i fer clips."
    ),
    "account.signed_in_as": "Sessió iniciada com a **{name}** (@{username})",
    "appearances.empty": (
        "Encara cap clip no fa servir els teus dobles. Quan algú (tu inclòs) en triï un, el clip "
        "apareixerà aquí des del moment que entri a la cua, també els esborranys privats."
    ),
    "appearances.table_label": "Selecciona una fila per actuar-hi",
    "appearances.watch": "Mira'l",
    "appearances.delete_confirm": "Sí: suprimeix aquest clip per a tothom i esborra'n el vídeo",
    "appearances.delete": "Suprimeix el clip",
    "appearances.report_reason": "Què passa amb aquest clip?",
    "appearances.report": "Denuncia el clip",
    "appearances.revoke": "Retira el permís al creador",
    "appearances.restore": "Torna el permís al creador",
    "appearances.col.creator": "Creador",
    "appearances.col.created": "Creat",
    "appearances.col.status": "Estat",
    "appearances.col.my_double": "El meu doble",
    "appearances.col.note": "Nota",
    "appearances.col.clip_id": "Identificador",
    "appearances.me": "jo",
    "appearances.as_role": "@{handle} com a {role}",
    "appearances.made_by": "Fet per {creator} (@{username}) el {date}",
    "appearances.status_line": "Estat: {state} · els teus dobles: {doubles}",
    "appearances.revoked_note": (
        "Has retirat a aquest creador el permís per fer servir els teus dobles en aquest clip."
    ),
    "appearances.no_video": "No hi ha cap vídeo per mirar (no s'ha acabat o s'ha suprimit).",
    "appearances.choose_from_list": "Primer tria un clip de la llista.",
    "appearances.tick_to_confirm": "Marca aquesta casella per confirmar la supressió.",
    "appearances.say_what": "Explica breument què passa (1–{limit} caràcters).",
    "appearances.not_reported": "No denunciat",
    "appearances.not_revoked": "No retirat",
    "appearances.not_restored": "No restablert",
    "friends.incoming_label": "Sol·licituds que esperen la teva resposta",
    "friends.accept": "Accepta",
    "friends.decline": "Rebutja",
    "friends.search_placeholder": "p. ex. maya",
    "friends.found_label": "Persones trobades",
    "friends.add": "Afegeix com a amic",
    "friends.accept_request": "Accepta la sol·licitud",
    "friends.cancel_request": "Cancel·la la sol·licitud",
    "friends.list_label": "Els teus amics",
    "friends.unfriend": "Deixa de ser amics",
    "friends.block": "Bloqueja",
    "friends.outgoing_label": "Esperant resposta",
    "friends.blocked_label": "Persones que has bloquejat",
    "friends.unblock": "Desbloqueja",
    "friends.empty.incoming": "No tens cap sol·licitud pendent.",
    "friends.empty.friends": (
        "Encara no tens amics. Troba gent pel seu nom d'usuari i envia'ls una sol·licitud."
    ),
    "friends.empty.outgoing": "No tens cap sol·licitud esperant resposta.",
    "friends.empty.blocked": "No has bloquejat ningú.",
    "friends.empty.results": "Cerca algú pel seu nom d'usuari (n'hi ha prou amb una part).",
    "friends.requests_count": "### Sol·licituds d'amistat ({count})",
    "friends.your_friends_count": "### Els teus amics ({count})",
    "friends.since": "des del {date}",
    "friends.relationship.none": "sense relació",
    "friends.relationship.friends": "amics",
    "friends.relationship.request_sent": "sol·licitud enviada",
    "friends.relationship.request_received": "t'ha enviat una sol·licitud",
    "friends.relationship.blocked": "l'has bloquejat",
    "friends.no_one_found": "No s'ha trobat ningú per a «{query}».",
    "friends.done.sent": "Sol·licitud enviada a **{name}**.",
    "friends.done.accepted": "Tu i **{name}** ja sou amics.",
    "friends.done.cancelled": "S'ha cancel·lat la sol·licitud a **{name}**.",
    "friends.done.declined": "S'ha rebutjat la sol·licitud de **{name}**.",
    "friends.done.unfriended": "Tu i **{name}** ja no sou amics.",
    "friends.done.blocked": (
        "Has bloquejat **{name}**: cap de vosaltres no pot trobar l'altre, fer-se'n amic ni "
        "fer servir els seus dobles."
    ),
    "friends.done.unblocked": "Has desbloquejat **{name}**.",
    "friends.choose_person": "Primer tria una persona de la llista.",
    "friends.find_title": "Troba gent",
    "friends.type_part": "Escriu una part d'un nom d'usuari.",
    "session.not_signed_in": "No has iniciat la sessió",
    "account.passwords_differ": "Les dues contrasenyes no coincideixen.",
    "grants.about": (
        "#### Qui pot fer servir aquest doble\nLes persones que aprovis el poden fer servir "
        "mentre estigui compartit amb «Persones que aprovo». **Retira** deixa fora una persona "
        "en qualsevol opció de compartir —amics i tothom també—, fins i tot abans que hagi fet "
        "res; també amaga els clips que hi hagi fet, fins que li tornis el permís."
    ),
    "grants.double": "Doble",
    "grants.people_label": "Persones amb veu sobre aquest doble",
    "grants.empty": (
        "Encara no hi ha ningú. Escriu un nom d'usuari per aprovar algú, o per deixar fora una "
        "persona sigui quina sigui l'opció de compartir; ho pots tornar a canviar quan vulguis."
    ),
    "grants.person": "Una persona (nom d'usuari)",
    "grants.person_placeholder": "p. ex. bob",
    "grants.approve": "Aprova",
    "grants.withdraw": "Retira",
    "grants.remove_selected": "Treu la persona seleccionada",
    "grants.restore_selected": "Restableix la persona seleccionada",
    "grants.choose_person": "Primer escriu o tria el nom d'usuari d'una persona.",
    "grants.status.approved": "aprovat",
    "grants.status.revoked": "permís retirat",
    "grants.done.approved": "**{name}** ja pot fer servir aquest doble.",
    "grants.done.withdrawn": "**{name}** ja no pot fer servir aquest doble.",
    "grants.done.restored": (
        "**{name}** queda restablert: s'aplica l'opció de compartir del doble."
    ),
    "privacy.delete_heading": "Elimina el meu compte",
    "privacy.delete_warning": (
        "Això esborra els fitxers, les dades de la cara i de la veu de tots els teus dobles, "
        "suprimeix tots els clips que has fet o on surts, acaba les teves amistats i tanca la "
        "sessió a tot arreu. No es pot desfer."
    ),
    "privacy.your_username": "El teu nom d'usuari",
    "privacy.confirm_hint": "Escriu el teu nom d'usuari per confirmar-ho.",
    "privacy.not_deleted": "**No s'ha eliminat.** {reason}",
    "privacy.deleted": (
        "S'ha eliminat el teu compte: s'han esborrat {doubles} doble(s) i s'han suprimit "
        "{clips} clip(s). Has tancat la sessió."
    ),
}

CATALOGUES: dict[str, dict[str, str]] = {"en": EN, "zh-CN": ZH_CN, "id": ID, "ca": CA}
