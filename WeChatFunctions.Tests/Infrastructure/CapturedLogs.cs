using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Every log line an in-process app writes, with its exception, at whatever level the app's <c>Logging</c> settings let
/// through: add it with <see cref="AddTo"/> among the replaced services, for tests that a secret never reaches a log.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Text => string.Join('\n', _lines);

    public void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {Values(state)} {exception}");

        /// <summary>The structured values too, which a sink may keep even where the message leaves them out.</summary>
        private static string Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(' ', values.Select(value => $"{value.Key}={value.Value}")) : "";
    }
}
