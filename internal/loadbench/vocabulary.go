package loadbench

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"passerelle/internal/domain"
	"passerelle/internal/search/eval"
	"passerelle/internal/taxonomy"
)

// Sources are the shared input files the volume is drawn from. They are
// read at run time and never copied into the repository.
type Sources struct {
	CPV    string // cpv_2008_multilingual.csv
	NACE   string // nace_rev2_1_multilingual.csv
	NUTS   string // nuts_grande_region.csv
	Corpus string // the dev corpus, bench/search/corpus.jsonl
}

// Vocabulary is what the generator draws texts, codes and places from.
type Vocabulary struct {
	cpv       []domain.CPVCode // codes of level 4 and finer, with labels in the four languages
	nace      []domain.Labels  // NACE classes (level 4)
	titles    map[domain.Language][]string
	sentences map[domain.Language][]string
	regions   map[string][]domain.NUTSRegion // assignable level-3 regions by country
	sectors   []domain.Sector
	byCode    map[string]domain.CPVCode
}

// ReadVocabulary reads the sources. A missing file is an error: a load
// test on made-up words would not exercise the analyzers as buyers do.
func ReadVocabulary(src Sources) (*Vocabulary, error) {
	v := &Vocabulary{titles: map[domain.Language][]string{}, sentences: map[domain.Language][]string{},
		regions: map[string][]domain.NUTSRegion{}}
	if err := readWith(src.CPV, func(r io.Reader) error {
		codes, err := taxonomy.ReadCPV(r)
		for _, c := range codes {
			if c.Level >= 4 && c.Labels.FR != "" && c.Labels.DE != "" && c.Labels.EN != "" && c.Labels.NL != "" {
				v.cpv = append(v.cpv, c)
			}
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := readWith(src.NACE, v.readNACE); err != nil {
		return nil, err
	}
	if err := readWith(src.NUTS, func(r io.Reader) error {
		regions, err := taxonomy.ReadNUTS(r)
		for _, reg := range regions {
			if reg.Level == 3 && reg.Assignable() {
				v.regions[reg.Country] = append(v.regions[reg.Country], reg)
			}
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := readWith(src.Corpus, func(r io.Reader) error {
		return eval.ReadCorpus(r, func(d eval.Document) error {
			lang := domain.Language(d.Lang)
			if t := strings.TrimSpace(d.Title); t != "" && utf8.RuneCountInString(t) <= 180 {
				v.titles[lang] = append(v.titles[lang], t)
			}
			for _, s := range strings.SplitAfter(d.Description, ". ") {
				if s = strings.TrimSpace(s); utf8.RuneCountInString(s) >= 20 && utf8.RuneCountInString(s) <= 400 {
					v.sentences[lang] = append(v.sentences[lang], s)
				}
			}
			return nil
		})
	}); err != nil {
		return nil, err
	}
	for _, g := range taxonomy.SectorGroups() {
		v.sectors = append(v.sectors, g.Sectors...)
	}
	switch {
	case len(v.cpv) == 0:
		return nil, errors.New("loadbench: no CPV code with labels in the four languages")
	case len(v.nace) == 0:
		return nil, errors.New("loadbench: no NACE class in the NACE list")
	case len(v.sectors) == 0:
		return nil, errors.New("loadbench: the sector catalogue is empty")
	}
	for _, c := range countries {
		if len(v.regions[c.code]) == 0 {
			return nil, fmt.Errorf("loadbench: the NUTS list has no level-3 region of %s", c.code)
		}
	}
	for _, l := range domain.Languages {
		if len(v.titles[l]) == 0 || len(v.sentences[l]) == 0 {
			return nil, fmt.Errorf("loadbench: the corpus has no %s text", l)
		}
	}
	return v, nil
}

func readWith(path string, read func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("loadbench: %w", err)
	}
	defer f.Close()
	if err := read(f); err != nil {
		return fmt.Errorf("loadbench: %s: %w", filepath.Base(path), err)
	}
	return nil
}

// readNACE keeps the classes (level 4) of the NACE list: code, level,
// parent, then the labels in fr, de, en, nl (and others, ignored).
func (v *Vocabulary) readNACE(r io.Reader) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, k := range []string{"level", "fr", "de", "en", "nl"} {
		if _, ok := col[k]; !ok {
			return fmt.Errorf("no %q column", k)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if rec[col["level"]] != "4" {
			continue
		}
		v.nace = append(v.nace, domain.Labels{FR: rec[col["fr"]], DE: rec[col["de"]], EN: rec[col["en"]], NL: rec[col["nl"]]})
	}
}
