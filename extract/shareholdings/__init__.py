"""The shareholding family: share pledges and releases (`pledges`), shareholdings, controlling
shareholders and defined aliases (`holdings`), read from pledge-style announcements."""
