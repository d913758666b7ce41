-- A case's messages are read together with their files (`cases::store::case_messages`): each
-- message finds its own files here instead of walking every file of the case.
CREATE INDEX case_message_files_message ON case_message_files (message_id, uploaded_at);
