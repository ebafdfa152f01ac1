package eval

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// LoadSetFiles is LoadSet over files, as `passerelle search-eval --corpus
// --queries --qrels` names them; errors name the file.
func LoadSetFiles(corpus, queries, qrels string, index func(Document) error) (Set, error) {
	var files [3]*os.File
	for i, path := range []string{corpus, queries, qrels} {
		f, err := os.Open(path)
		if err != nil {
			return Set{}, err
		}
		defer f.Close()
		files[i] = f
	}
	set, err := LoadSet(files[0], files[1], files[2], index)
	if err != nil {
		return Set{}, fmt.Errorf("test set %s, %s, %s: %w", corpus, queries, qrels, err)
	}
	return set, nil
}

// WriteRunFile writes run in TREC format to path (search-eval --run OUT),
// replacing the file. A run that cannot be written whole is an error, and
// so is a failed close: the file system reports late writes there.
func WriteRunFile(path string, run Run, tag string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		err = errors.Join(err, f.Close())
	}()
	if err := WriteRun(f, run, tag); err != nil {
		return fmt.Errorf("run %s: %w", path, err)
	}
	return nil
}

// PrintProgress returns an Options.Progress that writes "searched 40/243
// queries" to w every `every` queries and after the last one, one line each,
// so that it reads the same in a terminal and in a CI log.
func PrintProgress(w io.Writer, every int) func(done, total int) {
	if every < 1 {
		every = 1
	}
	return func(done, total int) {
		if done%every == 0 || done == total {
			fmt.Fprintf(w, "searched %d/%d queries\n", done, total)
		}
	}
}
