"""The interface in Simplified Chinese (简体中文)."""

CATALOGUE: dict[str, str] = {
    # Header and navigation
    "app.tagline": (
        "和朋友一起出演动画短片：只需录一次几秒钟的自己，"
        "经过同意核验的数字分身就能在现成的场景里表演。"
    ),
    "app.first_steps": (
        "**三步做出你的第一个短片：** 创建账户 · **我的分身**：一段 2–5 秒、"
        "你说一句话的视频 · **制作第一个短片**。每个短片都标注 *AI 生成*，并带有水印和签名。"
    ),
    "language.label": "语言",
    "tab.studio": "工作室",
    "tab.clips": "短片",
    "tab.doubles": "我的分身",
    "tab.friends": "好友",
    "tab.appearances": "出镜记录",
    "tab.my_data": "我的数据",
    "tab.clips_in_progress": "短片（{count} 个制作中）",
    "tab.friends_waiting": "好友（{count}）",
    "tab.appearances_count": "出镜记录（{count}）",
    # Choices: who may use a double or see a clip, what a double is of, clip sizes
    "visibility.only_me": "仅自己",
    "visibility.approved": "我批准的人",
    "visibility.friends": "我的好友",
    "visibility.everyone": "所有人",
    "kind.person": "我自己（人）",
    "kind.pet": "我的宠物",
    "kind.object": "玩具或物品",
    "kind.character": "我拥有的角色",
    "studio.size_fast": "832×480（快）",
    "studio.size_hd": "1280×720（高清，较慢）",
    # Account
    "account.sign_in_heading": "### 登录",
    "account.username": "用户名",
    "account.password": "密码",
    "account.sign_in": "登录",
    "account.sign_up_heading": "### 第一次来？创建账户",
    "account.username_info": "3–32 个字符：字母 a–z、数字、“_”、“.” 或 “-”。",
    "account.display_name": "显示名称（可选）",
    "account.display_name_info": "好友会看到这个名称。",
    "account.password_info": "至少 10 个字符。",
    "account.repeat_password": "再次输入密码",
    "account.create": "创建账户",
    "account.sign_out": "退出登录",
    # Studio
    "studio.signed_out": "浏览下面的预设剧本。**登录**并注册一个分身，就能出演其中一个。",
    "studio.presets": "预设剧本（选择一个）",
    "studio.pick_preset": "选择一个预设剧本，查看其中的角色。",
    "studio.preset_preview": "有声预览：由内置角色演出",
    "studio.your_role": "你的角色",
    "studio.star": "★ 我来出演",
    "studio.own_script": "……或者自己写剧本",
    "studio.your_script": "你的剧本",
    "studio.use_script": "使用我的剧本",
    "studio.cast_heading": "#### 演员阵容",
    "studio.who_can_see": "谁可以观看这个短片",
    "studio.who_can_see_info": "不超出每位参演分身主人所允许的范围。",
    "studio.more_options": "更多选项",
    "studio.size": "尺寸",
    "studio.variation": "变体编号（编号相同，生成的短片也相同）",
    "studio.generate": "生成短片",
    "studio.cancel": "取消",
    "studio.your_clip_heading": "#### 你的短片",
    # Clips
    "clips.signed_out": "### 短片\n登录后可以查看你的短片、有你出镜的短片和好友的短片。",
    "clips.show": "显示",
    "clips.page": "页码",
    "clips.previous": "← 上一页",
    "clips.next": "下一页 →",
    # My doubles
    "doubles.signed_out": "### 我的分身\n登录后可以注册你的数字分身并管理相关同意。",
    "doubles.your_doubles_heading": "### 你的分身",
    "doubles.empty": "你还没有分身。在下面注册一个：只需一段 2–5 秒、你说一句话的视频。",
    "doubles.gallery": "你的分身（选择一个进行编辑）",
    "doubles.handle": "账号名",
    "doubles.display_name": "显示名称",
    "doubles.description": "描述（生成时可能使用的词语）",
    "doubles.who_may_cast": "谁可以让这个分身出演",
    "doubles.restrictions": "使用限制",
    "doubles.restrictions_shown": "使用限制（会展示给所有让它出演的人）",
    "doubles.hear_voice": "▶ 试听这个分身在短片中的声音",
    "doubles.save": "保存设置",
    "doubles.revoke": "撤回同意",
    "doubles.delete_confirm": "是的，清除这个分身的素材、面部和声音数据",
    "doubles.delete": "删除分身",
    "doubles.register_heading": "### 注册新分身",
    "doubles.step_reference": "**第 1 步 · 参考素材。** 这个分身是谁（或什么），长什么样？",
    "doubles.kind": "这个分身是",
    "doubles.reference_video": "参考视频：2–5 秒，正对镜头说一句话",
    "doubles.reference_photos": "……或 1–4 张照片（JPEG、PNG、WebP；角色可用透明 PNG）",
    "doubles.voice_clip": "声音片段（可选，视频里没有说话时使用）",
    "doubles.check_reference": "检查我的参考素材",
    "doubles.step_report": "**第 2 步 · 质量报告。** 以下是我们检测到的内容。",
    "doubles.detected": "检测到的面部和抠像",
    "doubles.hear_draft_voice": "▶ 试听你的分身在短片中的声音",
    "doubles.step_consent": "**第 3 步 · 设置与同意。**",
    "doubles.step_live_check": "**第 4 步 · 实时验证。** 获取验证码，然后录下自己大声念出它。",
    "doubles.code_language": "我将用这种语言念验证码",
    "doubles.get_code": "获取验证码",
    "doubles.code_instructions": (
        "## {code}\n录像时请大声念出这些数字。验证码只能使用一次，将于 **{time} UTC** 过期。"
    ),
    "doubles.record_code": "录下自己念验证码",
    "doubles.create": "创建我的分身",
    "doubles.first_clip": "制作第一个短片",
    # Friends
    "friends.signed_out": "### 好友\n登录后可以查找他人并管理好友。",
    "friends.requests_heading": "### 好友请求",
    "friends.find_heading": "### 查找用户",
    "friends.find_label": "按用户名查找",
    "friends.search": "搜索",
    "friends.your_friends_heading": "### 你的好友",
    "friends.sent_heading": "### 你发出的请求",
    "friends.blocked_heading": "### 已屏蔽",
    # Appearances
    "appearances.signed_out": "### 出镜记录\n登录后可以查看所有使用你分身的短片。",
    "appearances.heading": "### 使用我分身的短片",
    # My data
    "privacy.what_we_keep": """\
### Co-Star Studio 保存的关于你的信息
- **你的账户**：用户名、显示名称、加盐的 argon2id 密码哈希（或你的 Hugging Face 账号 ID），
以及登录会话（只保存其令牌的带密钥哈希）。
- **你的分身**：参考视频/照片、抠像、面部特征向量、声音样本及其特征向量、设置和使用限制。
删除分身会清除它的全部素材和生物特征数据。
- **同意记录**：每一次同意、更改、撤回和删除的日期、声明版本及语言、哈希值和核验分数。
其中不含任何素材或生物特征数据，并会一直保留。
- **短片**：你制作的或有你出镜的短片，以及它们的身份指标和来源信息。
""",
    "privacy.export": "下载我的数据（.zip）",
    "privacy.export_file": "你的导出文件",
    "privacy.delete_account": "永久删除我的账户",
}
