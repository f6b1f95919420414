# Settings of the Docker deployment (compose.yaml). Copy to .env and fill in; never commit .env.
#   cp .env.tpl .env
# One NAME=value a line, no quotes, no spaces around '='. The app reads these exactly like Functions app settings;
# docs/settings.md describes each one. A commented line shows the default: uncomment it to change it.

# --- Compose ----------------------------------------------------------------------------------------------------------
# The domain whose DNS A record points at this server: Caddy gets a certificate for it and serves https on 443.
# Empty: plain http on port 80, and WeChat's server URL is http://IP/api/wechat.
DOMAIN=
# azurite: keep the data in the Azurite container (named volume azurite-data).
# azure: a real storage account; also set AzureWebJobsStorage below. Same as `docker compose --profile azure up -d`.
# Add searxng (COMPOSE_PROFILES=azurite,searxng) for a SearXNG container serving web search; see "Web search" below.
COMPOSE_PROFILES=azurite
# Only with a real storage account: its connection string. Empty means the Azurite container.
AzureWebJobsStorage=

# --- Required ---------------------------------------------------------------------------------------------------------
# The Token of WeChat's server configuration (3-32 letters or digits).
wechat_token=
# The model API's key (OpenAI, DeepSeek, Qwen, ...); chat_gpt_endpoint below for anything but OpenAI.
chat_gpt_token=

# --- Admin ------------------------------------------------------------------------------------------------------------
# The admin token, at least 16 characters, for `admin-command:{token}`; empty disables admin commands.
token=
# Admins' and whitelisted followers' OpenIDs, comma-separated.
admin_user_ids=
white_list_user_ids=
# Shown to followers whose quota is used up.
admin_email=

# --- Model ------------------------------------------------------------------------------------------------------------
# chat_gpt_endpoint=https://api.openai.com/v1
# chat_gpt_model=gpt-4o-mini
# A proxy for the model API only (compose.yaml keeps Azurite off it). One on the server itself is
# http://host.docker.internal:7890, not 127.0.0.1, which in the container is the container; it must listen on Docker's
# bridge too (Clash: allow-lan).
http_proxy=
# chat_gpt_vision_model=
# allowed_models=
# chat_gpt_use_azure_identity=false
# chat_gpt_timeout_seconds=60
# chat_gpt_max_retries=2
# max_answer_tokens=1024
# max_context_tokens=4000
# system_prompt=
# session_idle_minutes=30

# --- Tools the model may call (docs/settings.md) -----------------------------------------------------------------------
# tools=current_time,read_link,remember
# max_tool_rounds=3
# tool_timeout_seconds=10
# max_tool_result_chars=4000
# memory_max_facts=50
# Your own MCP servers (Streamable HTTP), name=url pairs; a server in this compose project may be plain http.
# mcp_servers=orders=http://orders:8080/mcp
# mcp_orders_token=
# mcp_orders_tools=lookup_order
# mcp_refresh_minutes=10

# --- WeChat -----------------------------------------------------------------------------------------------------------
# Compatible or safe mode: the console's EncodingAESKey and AppID.
# wechat_encoding_aes_key=
# wechat_app_id=
# wechat_encoding_aes_key_previous=
# wechat_accept_plaintext=false
# max_clock_skew_seconds=300
# welcome_message=
# user_commands_enabled=true
# continue_keyword=继续
# reply_format=plain
# reply_deadline_ms=4500
# claim_timeout_seconds=5
# max_concurrent_generations=64
# generation_timeout_seconds=120
# reply_mode=passive
# max_pushed_messages=3
# wechat_app_secret=
# wechat_api_base=https://api.weixin.qq.com
# keywords_file=
# image_url_hosts=*.qpic.cn,*.qlogo.cn
# allow_private_network_fetch=false
# Plain http for an endpoint that is sent a key or token, beyond loopback: for tests only.
# allow_insecure_endpoints=false

# --- Limits and prices ------------------------------------------------------------------------------------------------
# daily_limit=20
# daily_token_limit=0
# global_daily_token_limit=1000000
# rate_limit_per_minute=6
# quota_timezone=+08:00
# price_per_1k_prompt_tokens=0
# price_per_1k_completion_tokens=0
# price_per_1k_embedding_tokens=0
# price_per_image=0
# price_currency=USD

# --- Moderation -------------------------------------------------------------------------------------------------------
# moderation=off
# banned_words=
# banned_words_file=
# moderation_model=omni-moderation-latest
# azure_content_safety_endpoint=
# azure_content_safety_key=
# azure_content_safety_severity=4

# --- Knowledge base ---------------------------------------------------------------------------------------------------
# knowledge_mode=off
# knowledge_top_k=4
# knowledge_min_score=0.3
# knowledge_embedding_model=text-embedding-3-small
# knowledge_embedding_dimensions=256
# knowledge_search_endpoint=
# knowledge_search_key=
# knowledge_search_index=wechat-knowledge
# knowledge_semantic_ranker=false

# --- Web search -------------------------------------------------------------------------------------------------------
# The web_search tool's service: searxng, tavily or bocha; then add web_search to tools (tools=current_time,read_link,remember,web_search).
# With the searxng profile above: web_search_provider=searxng and web_search_endpoint=http://searxng:8080.
# web_search_provider=
# web_search_endpoint=
# Tavily's or Bocha's API key.
# web_search_key=
# web_search_results=5

# --- Voice ------------------------------------------------------------------------------------------------------------
# Transcribe voices WeChat sends without recognition: off, azure_speech (recommended) or openai (needs ffmpeg, which the
# image has). Both download the voice with wechat_app_id and wechat_app_secret above.
# transcription_provider=off
# transcription_model=gpt-4o-mini-transcribe
# show_transcript=true
# ffmpeg_path=
# Azure AI Speech, for transcription and spoken answers that use azure_speech: https://NAME.cognitiveservices.azure.com/
# speech_endpoint=
# The resource's key; empty uses the managed identity (Cognitive Services User role).
# speech_key=
# speech_locales=zh-CN
# Spoken answers: off, voice_questions (answer spoken questions in voice) or always. Needs wechat_app_id/secret and an
# account that may upload media (verified). tts_provider: openai (/audio/speech on chat_gpt_endpoint) or azure_speech.
# voice_reply=off
# tts_provider=openai
# tts_model=gpt-4o-mini-tts
# tts_voice=
# tts_timeout_seconds=8
# --- Pictures (/画) ----------------------------------------------------------------------------------------------------
# Each picture costs money; sending pictures needs wechat_app_id, wechat_app_secret and a verified account.
# Add draw to tools to let the model draw too (tools=current_time,read_link,remember,draw).
# image_generation=off
# image_model=gpt-image-1
# image_size=1024x1024
# image_daily_limit=5

# --- Dashboard, cleanup, telemetry ------------------------------------------------------------------------------------
# The address followers and admins see, for the dashboard's links: https://DOMAIN.
public_base_url=
# dashboard_enabled=true
# dashboard_link_minutes=10
# The reverse proxies whose X-Forwarded-For is believed (IPs or CIDR ranges); compose.yaml names Caddy's network.
# trusted_proxies=172.31.254.0/24
# Without the Functions host the cleanup runs in the app every cleanup_interval_minutes; cleanup_schedule, the timer
# trigger's schedule, is read only by the Functions host.
# cleanup_interval_minutes=10
# cleanup_schedule=0 */10 * * * *
# history_retention_days=30
# APPLICATIONINSIGHTS_CONNECTION_STRING=
# APPLICATIONINSIGHTS_AUTHENTICATION_STRING=
