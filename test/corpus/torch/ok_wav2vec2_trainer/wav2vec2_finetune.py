# Idiom seen in: CassiniHuy/wav2vec2_finetune wav2vec2_finetune.py
# What it reproduces: the fine-tuning script: load facebook/wav2vec2-base, freeze the CNN feature encoder,
#   and train with the Trainer built in train_utils.py from the arguments in train_config.py: clean.
import argparse

from transformers import Wav2Vec2ForCTC, Wav2Vec2Processor

from corpus import load_corpus
from train_config import get_training_args
from train_utils import get_trainer, preprocess

parser = argparse.ArgumentParser()
parser.add_argument('--model', default='facebook/wav2vec2-base')
parser.add_argument('--output_dir', default='outputs/w2v2-base-ft')
parser.add_argument('--epochs', type=int, default=30)
args = parser.parse_args()

processor = Wav2Vec2Processor.from_pretrained(args.model)
model = Wav2Vec2ForCTC.from_pretrained(
    args.model,
    ctc_loss_reduction="mean",
    pad_token_id=processor.tokenizer.pad_token_id,
)
model.freeze_feature_encoder()

train_set, test_set = load_corpus()
train_inputs = preprocess(processor, train_set)
test_inputs = preprocess(processor, test_set)
trainer = get_trainer(model, processor, get_training_args(args.output_dir, args.epochs), train_inputs, test_inputs)
trainer.train()
trainer.save_model(args.output_dir)
