# Writes SSO cache files with the AWS CLI v2's own code (awscli.customizations.sso.utils.do_sso_login,
# the function behind `aws sso login`), signing in with the device code flow against the fake
# Identity Center (dev.ssoconfig.testing.FakeIdentityCenter, see docs/development.md).
#
# Usage: /usr/bin/python3 write_token.py ENDPOINT CACHE_DIR START_URL SESSION_NAME|-
#   SESSION_NAME "-" signs in as a legacy profile (no sso-session, no scopes).
import sys

from awscli.botocore.session import Session
from awscli.botocore.utils import JSONFileCache
from awscli.customizations.sso.utils import _sso_json_dumps, do_sso_login

endpoint, cache_dir, start_url, session_name = sys.argv[1:5]
legacy = session_name == '-'
session = Session()
create = session.create_client
session.create_client = lambda name, **kw: create(name, endpoint_url=endpoint, **kw)
do_sso_login(
    session,
    'us-east-1',
    start_url,
    token_cache=JSONFileCache(cache_dir, dumps_func=_sso_json_dumps),
    on_pending_authorization=lambda **kw: None,
    registration_scopes=None if legacy else ['sso:account:access'],
    session_name=None if legacy else session_name,
)
