# Idiom seen in: abhishekkrthakur/bert-sentiment train.py
# Idiom seen in: abhishekkrthakur/bert-sentiment model.py
# What it reproduces: the IMDB BERT fine-tuning tutorial: AdamW over two groups built from named_parameters,
#   "bias"/"LayerNorm.bias"/"LayerNorm.weight" at weight_decay 0.0, everything else 0.001; clean.
import transformers

DEVICE = "cuda"
MAX_LEN = 64
TRAIN_BATCH_SIZE = 8
VALID_BATCH_SIZE = 4
EPOCHS = 10
BERT_PATH = "bert-base-uncased"
MODEL_PATH = "model.bin"
TRAINING_FILE = "../input/imdb.csv"
TOKENIZER = transformers.BertTokenizer.from_pretrained(BERT_PATH, do_lower_case=True)
