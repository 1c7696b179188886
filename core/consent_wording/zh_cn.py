"""Consent and permission wording in Simplified Chinese (简体中文)."""

WORDING: dict[str, str] = {
    "statement.version": "2026.12-1",
    "statement.heading": "同意声明（版本 {version}）",
    # One line per sentence group: a line break inside Chinese text would show as a space.
    "statement.body": (
        "我已年满 18 周岁。\n"
        "{ownership}\n"
        "我允许 Co-Star Studio 存储参考素材以及由其生成的面部和声音特征描述，"
        "并用它们来渲染由我本人或我通过可见范围设置所允许的人制作的短片。\n"
        "每个短片都会标注为 AI 生成，并带有水印和数字签名。\n"
        "我可以随时撤回本同意：撤回后，任何新短片都不能再使用这个分身。"
        "我可以随时删除这个分身：删除后，其参考素材、面部和声音数据都会被清除；"
        "本同意记录只保留日期、哈希值和核验结果，绝不保留素材。\n"
    ),
    "ownership.person": "这是我本人。参考素材中出现的人和说话的声音都是我。",
    "ownership.pet": "这是我的宠物，我有权分享它的形象。",
    "ownership.object": "这是我的物品（玩具或其他物件），我有权分享它的形象。",
    "ownership.character": "这是我创作的角色，或我拥有其权利的角色。",
    "checkbox.ownership.person": "这是我本人",
    "checkbox.ownership.pet": "这是我的宠物",
    "checkbox.ownership.object": "这是我的物品",
    "checkbox.ownership.character": "这是我拥有的角色",
    "checkbox.age": "我已年满 18 周岁",
    "checkbox.statement": "我已阅读并同意上述同意声明",
    "must_confirm_age": "请确认你已年满 18 周岁。只有成年人才能创建分身。",
    "must_confirm_ownership.person": "请确认这是你本人。你只能为自己注册分身。",
    "must_confirm_ownership.pet": "请确认这是你的宠物。",
    "must_confirm_ownership.object": "请确认这个物品属于你。",
    "must_confirm_ownership.character": "请确认你拥有这个角色。",
    "must_agree_statement": "请阅读并同意同意声明。",
    "statement_outdated": "你阅读期间同意声明已更新。请阅读新版本后重新同意。",
    "challenge_missing": "请先获取验证码，然后录下自己念出验证码的视频。",
    "challenge_expired": "验证码已过期（有效期 5 分钟）。请获取新的验证码后重试。",
    "challenge_used": "该验证码已使用过。每个验证码只能用一次：请获取新的验证码。",
    "challenge_needs_webcam": "请在此处用摄像头录制实时验证。人物分身不接受上传的文件。",
    "challenge_face_mismatch": (
        "实时录像中的面孔与参考视频中的面孔不一致。两段视频必须由同一个人录制。"
    ),
    "challenge_no_face": "我们在实时录像中看不到你的脸。请在光线充足的地方正对摄像头。",
    "challenge_voice_mismatch": (
        "实时录像中的声音与参考素材中的声音不一致。两段录音必须是同一个人在说话。"
    ),
    "challenge_no_sound": "实时录像没有声音。请允许使用麦克风，并大声念出验证码。",
    "impersonation_refused": (
        "这张面孔已属于另一个账户注册的分身，因此无法为你注册。如果这确实是你本人，请联系客服。"
    ),
    "double_revoked_notice": "已撤回同意：任何人（包括你自己）都不能在新短片中使用这个分身。",
    "double_deleted_notice": (
        "分身已删除：其参考素材、面部和声音数据已清除。同意记录只保留日期、哈希值和核验结果。"
    ),
    "no_voice_notice": "没有检测到说话声，所以这个分身没有声音：短片会为它使用默认声音。",
    "voice_shift_notice": (
        "台词由内置声音朗读，并向你的声音靠拢（音高和音色）。这不是对你声音的克隆。"
    ),
}
