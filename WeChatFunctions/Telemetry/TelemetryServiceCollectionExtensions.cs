using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The assistant's metrics, and, where Application Insights is configured, logs, traces and metrics exported to
    /// it through OpenTelemetry, authenticated with the app's managed identity when the connection asks for Entra ID.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<AssistantMetrics>();

        var settings = TelemetrySettings.From(configuration);
        if (settings.ConnectionString is null)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource("Azure.*"))
            .WithMetrics(metrics => metrics.AddMeter(AssistantMetrics.MeterName))
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = settings.ConnectionString;
                exporter.Credential = settings.Credential();
            });
        return services;
    }
}
