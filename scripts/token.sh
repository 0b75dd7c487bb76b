#!/usr/bin/env bash
# Prints a signed development JWT (HS256) for the API.
#   scripts/token.sh USER_ID ROLES [DISPLAY_NAME]
# ROLES is a comma-separated subset of reader, moderator, support, admin. The key, issuer and audience come from
# Auth__SigningKey / Auth__Issuer / Auth__Audience when set, else from the API's Development settings.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 USER_ID ROLES [DISPLAY_NAME]   (ROLES: comma-separated of reader,moderator,support,admin)" >&2
  exit 2
fi
user_id=$1 roles=$2 name=${3:-$1}
for role in ${roles//,/ }; do
  case $role in reader|moderator|support|admin) ;; *) echo "unknown role: $role" >&2; exit 2 ;; esac
done

settings="$(cd "$(dirname "$0")/.." && pwd)/src/Comments.Api"
setting() { sed -n "s/.*\"$1\": *\"\\([^\"]*\\)\".*/\\1/p" "$settings/$2" | head -n 1; }
key=${Auth__SigningKey:-$(setting SigningKey appsettings.Development.json)}
issuer=${Auth__Issuer:-$(setting Issuer appsettings.Development.json)}
audience=${Auth__Audience:-$(setting Audience appsettings.json)}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
json_string() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }

now=$(date +%s)
role_list=$(printf '%s\n' ${roles//,/ } | sed 's/.*/"&"/' | paste -sd, -)
header='{"alg":"HS256","typ":"JWT"}'
payload="{\"sub\":$(json_string "$user_id"),\"name\":$(json_string "$name"),\"role\":[$role_list],\"iss\":$(json_string "$issuer"),\"aud\":$(json_string "$audience"),\"iat\":$now,\"nbf\":$now,\"exp\":$((now + 8 * 3600))}"
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -hmac "$key" -binary | b64url)
echo "$unsigned.$signature"
