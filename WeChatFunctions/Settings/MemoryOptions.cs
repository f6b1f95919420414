using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>How much the assistant remembers about each follower with the <c>remember</c> tool.</summary>
public sealed class MemoryOptions
{
    /// <summary>The most facts kept per follower; a new fact beyond it pushes out the oldest.</summary>
    [ConfigurationKeyName("memory_max_facts")]
    [Range(1, 100, ErrorMessage = "Setting 'memory_max_facts' must be between 1 and 100.")]
    public int MaxFacts { get; set; } = 50;
}
