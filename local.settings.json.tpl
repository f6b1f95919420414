{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "custom",
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
    "AzureFunctionsJobHost__customHandler__description__defaultExecutablePath": "WeChatFunctions/bin/Debug/net10.0/WeChatFunctions",

    "wechat_token": "",
    "wechat_app_id": "",
    "wechat_encoding_aes_key": "",
    "wechat_encoding_aes_key_previous": "",
    "chat_gpt_token": "",
    "chat_gpt_endpoint": "https://api.openai.com/v1",
    "chat_gpt_model": "gpt-4o-mini",
    "chat_gpt_vision_model": "",
    "allowed_models": "",
    "chat_gpt_use_azure_identity": "false",
    "chat_gpt_timeout_seconds": "60",
    "chat_gpt_max_retries": "2",
    "http_proxy": "",
    "system_prompt": "",
    "welcome_message": "",
    "user_commands_enabled": "true",
    "max_context_tokens": "4000",
    "session_idle_minutes": "30",
    "reply_deadline_ms": "4500",
    "claim_timeout_seconds": "30",
    "continue_keyword": "继续",
    "daily_limit": "20",
    "quota_timezone": "+08:00",
    "cleanup_schedule": "0 */10 * * * *",
    "history_retention_days": "30",

    "token": "",
    "admin_user_ids": "",
    "white_list_user_ids": "",
    "admin_email": ""
  }
}
