package keyphrase

import "hash/maphash"

// wordSeed seeds the hash of every wordTable, so that one hash of a word
// serves lookups in all of them. It is random per process: crafted text
// cannot make the words of an article collide.
var wordSeed = maphash.MakeSeed()

// hashWord is the hash of w that wordTable uses.
func hashWord(w string) uint64 { return maphash.String(wordSeed, w) }

// wordTable maps words to ids 0, 1, 2… in the order they were added: a
// hash table with open addressing that is cheaper than a map[string]int32
// for the short strings of prose, and whose memory is reused across
// articles.
type wordTable struct {
	// slots holds, for each word, the high 32 bits of its hash and its id
	// plus one; 0 marks an empty slot. Its length is a power of two.
	slots []uint64
	words []string // id → word
}

// reset empties t, keeping its memory.
func (t *wordTable) reset() {
	clear(t.slots)
	clear(t.words) // drop the previous article's text
	t.words = t.words[:0]
}

// lookup returns the id of w, whose hash is h.
func (t *wordTable) lookup(w string, h uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	tag := h >> 32 << 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&^0xffffffff == tag {
			if id := int32(uint32(s)) - 1; t.words[id] == w {
				return id, true
			}
		}
	}
}

// add gives w, whose hash is h and which t does not hold, the next id.
func (t *wordTable) add(w string, h uint64) int32 {
	if 2*(len(t.words)+1) > len(t.slots) {
		t.grow()
	}
	id := int32(len(t.words))
	t.words = append(t.words, w)
	t.place(h, id)
	return id
}

// place puts id, of a word whose hash is h, in the first free slot.
func (t *wordTable) place(h uint64, id int32) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = h>>32<<32 | uint64(uint32(id+1))
}

// grow doubles the slots and places every word again.
func (t *wordTable) grow() {
	t.slots = make([]uint64, max(64, 2*len(t.slots)))
	for id, w := range t.words {
		t.place(hashWord(w), int32(id))
	}
}
