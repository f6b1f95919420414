# The standalone host (plain ASP.NET Core, no Azure Functions host) in a container: docs/deployment.md, "在自己的服务器上用 Docker 运行".
#   docker build -t wechatfunctions .
#   docker run -p 8080:8080 --env-file .env wechatfunctions      (or: docker compose up -d, with compose.yaml)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The restore layer: only what decides the packages, so a change to the source reuses it.
COPY global.json nuget.config Directory.Build.props Directory.Packages.props ./
COPY WeChatFunctions/WeChatFunctions.csproj WeChatFunctions/
RUN dotnet restore WeChatFunctions/WeChatFunctions.csproj -r linux-x64 -p:PublishReadyToRun=true
COPY WeChatFunctions/ WeChatFunctions/
# local.settings.json never reaches the image: .dockerignore leaves it out, and the project never publishes it.
RUN dotnet publish WeChatFunctions/WeChatFunctions.csproj -c Release -r linux-x64 --no-restore -o /app

# The Debian-based aspnet image, not the chiseled one: the app needs ICU (InvariantGlobalization is false, for the NFKC
# normalisation of followers' text in Text/InboundText), which the plain chiseled image leaves out, and a package
# manager for ffmpeg, which transcription_provider=openai runs to make WAVs of WeChat's AMR and Speex voices.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The image's ASPNETCORE_HTTP_PORTS=8080 makes the app listen on all interfaces (Hosting/StandaloneApp.cs).
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# The image's non-root user 'app', by its number, so that a runtime can check it is not root without reading /etc/passwd.
USER $APP_UID
ENTRYPOINT ["dotnet", "WeChatFunctions.dll"]
