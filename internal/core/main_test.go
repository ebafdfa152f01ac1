package core_test

import (
	"testing"

	"passerelle/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }
