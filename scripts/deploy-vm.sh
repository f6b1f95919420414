#!/usr/bin/env bash
# Deploys the bot to a server that has Docker (with the compose plugin) and nothing else:
#   scripts/deploy-vm.sh [user@]HOST [remote-directory]
# It copies the compose project (the files the image is built from, compose.yaml, deploy/ and .env) over ssh, then builds
# and starts it there with `docker compose up -d --build`. Running it again deploys the current checkout; the data stays
# in the named volumes. DEPLOY_SSH_OPTIONS passes options to ssh (for example "-p 2222 -i ~/.ssh/wechat");
# DEPLOY_ENV_FILE names another settings file than .env (one per server, say), copied as the server's .env.
set -euo pipefail
cd "$(dirname "$0")/.."

host=${1:-}
remote_dir=${2:-wechatfunctions}
if [ -z "$host" ]; then
  echo "usage: scripts/deploy-vm.sh [user@]HOST [remote-directory]" >&2
  exit 2
fi
env_file=${DEPLOY_ENV_FILE:-.env}
if [ ! -f "$env_file" ]; then
  echo "$env_file is missing. Run: cp .env.tpl .env, then fill in wechat_token, chat_gpt_token and DOMAIN." >&2
  exit 1
fi
for required in wechat_token chat_gpt_token; do
  if ! grep -qE "^${required}=.+" "$env_file"; then
    echo "$env_file: ${required} is empty; the app would stop at start-up with a line naming it." >&2
    exit 1
  fi
done

ssh_command="ssh ${DEPLOY_SSH_OPTIONS:-}"
# The tracked files of HEAD that the image and the compose project need, plus the untracked .env.
files=(Dockerfile .dockerignore compose.yaml deploy global.json nuget.config Directory.Build.props Directory.Packages.props WeChatFunctions)
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
archive=$staging/project.tar
git archive --format=tar -o "$archive" HEAD -- "${files[@]}"
cp "$env_file" "$staging/.env"
tar -rf "$archive" -C "$staging" .env

echo "Copying the compose project to $host:$remote_dir ..."
$ssh_command "$host" "mkdir -p '$remote_dir' && tar -xf - -C '$remote_dir' && chmod 600 '$remote_dir/.env'" < "$archive"
echo "Building and starting it ..."
$ssh_command "$host" "cd '$remote_dir' && docker compose up -d --build --remove-orphans && docker compose ps"
