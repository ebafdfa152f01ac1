// Package backup copies Passerelle's state out and back in: the PostgreSQL
// database (a pg_dump in custom format, made and restored by the
// PostgreSQL client tools of the server's major version) and every object
// of the S3 bucket, beside a manifest that lists each file with its size
// and SHA-256, the schema version, the app version and the time.
//
// A backup is a directory:
//
//	manifest.json      written last: a directory without it is unfinished
//	database.dump      pg_dump --format=custom
//	objects/000001 …   one file per object, its key in the manifest
//
// Object files are numbered rather than named after their keys, so that no
// key can write outside the directory when it is restored elsewhere. Pack
// and Unpack turn the directory into one tar file and back.
//
// Restore checks the whole backup (every checksum, the schema version not
// newer than this binary's) before it changes anything, and refuses a
// database or bucket that is not empty unless told to replace it; when it
// replaces a database, the drop and the restore are one transaction.
package backup
