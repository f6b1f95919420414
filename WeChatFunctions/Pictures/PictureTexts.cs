namespace WeChatFunctions.Pictures;

/// <summary>What followers, and the model calling <c>draw</c>, are told about pictures, in one place.</summary>
internal static class PictureTexts
{
    public const string Off = "本公众号没有开启画图功能。";

    public const string Usage = "用法：/画 想要的画面，例如「/画 一只在月亮上钓鱼的猫，水彩风格」。也可以用 /draw。";

    public const string PromptBlocked = "抱歉，这个画面我不能画，换个内容吧。这次没有计入画图次数。";

    public const string RefusedByImageService = "抱歉，画图服务拒绝了这个描述（可能不符合它的内容规范），换个描述试试吧。这次没有计入画图次数。";

    public const string ModelFailed = "抱歉，画图服务暂时出了问题，没能画出来，请稍后再试。这次没有计入画图次数。";

    public const string TimedOut = "抱歉，这张图画得太久，已经放弃了，请稍后再试。这次没有计入画图次数。";

    public const string CannotSendPictures = "抱歉，本公众号没有发送图片的权限（需要通过微信认证），画好的图发不出来。这次没有计入画图次数。";

    public const string UploadFailed = "抱歉，图片画好了，但发送到微信时失败了，请稍后再试。这次没有计入画图次数。";

    public const string Interrupted = "抱歉，画图时服务中断了，这张图没能画完。请重新发送 /画 和描述。这次没有计入画图次数。";

    public const string Unavailable = "抱歉，服务暂时出了点问题，请稍后再发一次。这次没有计入画图次数。";

    public const string ModerationUnavailable = "抱歉，内容审核服务暂时不可用，请稍后再试。这次没有计入画图次数。";

    /// <summary>What the model reads when its <c>draw</c> call made a picture.</summary>
    public const string DrawnForModel = "图片已经画好，会在你的文字回答之后单独发给用户。请用一两句话告诉用户画了什么；不要写图片链接，也不要说你不能画图。";

    /// <summary>What the model reads when it calls <c>draw</c> a second time for one answer.</summary>
    public const string OnePerAnswer = "这个回答已经画过一张图了，一次回答只能附一张图。";

    /// <summary>The record of a <c>/画</c> request that made its picture; the follower sees the picture, not this.</summary>
    public const string Drawn = "已画好。";
}
