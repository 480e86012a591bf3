# Idiom seen in: hyunwoongko/transformer train.py
# Idiom seen in: hyunwoongko/transformer conf.py
# What it reproduces: weight_decay = 5e-4 in conf.py reaches train.py through `from data import *` (which does
#   `from conf import *`); Adam(model.parameters(), weight_decay=weight_decay) is coupled L2 on every weight,
#   LayerNorm gamma/beta and biases included (real repo).
from conf import *
from util.data_loader import DataLoader
from util.tokenizer import Tokenizer

tokenizer = Tokenizer()
loader = DataLoader(ext=('.en', '.de'),
                    tokenize_en=tokenizer.tokenize_en,
                    tokenize_de=tokenizer.tokenize_de,
                    init_token='<sos>',
                    eos_token='<eos>')

train, valid, test = loader.make_dataset()
loader.build_vocab(train_data=train, min_freq=2)
train_iter, valid_iter, test_iter = loader.make_iter(train, valid, test, batch_size=batch_size, device=device)

src_pad_idx = loader.source.vocab.stoi['<pad>']
trg_pad_idx = loader.target.vocab.stoi['<pad>']
enc_voc_size = len(loader.source.vocab)
dec_voc_size = len(loader.target.vocab)
