# Idiom seen in: repository not resolved by the code index (index file id 28197653570: a TF seq2seq fine-tuning
#   script with KerasMetricCallback and WandbCallback; the same `AdamWeightDecay(learning_rate=2e-5,
#   weight_decay_rate=0.01)` line appears in many fine-tuning scripts that follow the Transformers TF task guides)
# What it reproduces: fine-tuning a TFAutoModelForSeq2SeqLM (T5-style translation) with compile()+fit() and an
#   AdamWeightDecay built directly. Its exclude_from_weight_decay defaults to None, so the decoupled decay is
#   applied to every variable, LayerNorm scales and biases included; create_optimizer() is what passes
#   exclude_from_weight_decay=["LayerNorm", "layer_norm", "bias"], and this script does not use it.
# label-note: WD203 on the weight_decay_rate= line (decay applied to normalization parameters and biases). No
#   WD202: AdamWeightDecay decays decoupled (var -= lr * rate * var), not through the gradient. No regularizers.
import argparse

import numpy as np
import tensorflow as tf
from datasets import load_dataset
from transformers import (AdamWeightDecay, AutoTokenizer, DataCollatorForSeq2Seq,
                          TFAutoModelForSeq2SeqLM)
from transformers.keras_callbacks import KerasMetricCallback

from metrics import compute_sacrebleu  # local helper wrapping evaluate.load("sacrebleu")

parser = argparse.ArgumentParser()
parser.add_argument("--checkpoint", default="t5-small")
parser.add_argument("--source_lang", default="en")
parser.add_argument("--target_lang", default="fr")
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--batch_size", type=int, default=16)
args = parser.parse_args()

books = load_dataset("opus_books", f"{args.source_lang}-{args.target_lang}")["train"].train_test_split(test_size=0.2)
tokenizer = AutoTokenizer.from_pretrained(args.checkpoint)
prefix = f"translate English to French: "


def preprocess_function(examples):
    inputs = [prefix + ex[args.source_lang] for ex in examples["translation"]]
    targets = [ex[args.target_lang] for ex in examples["translation"]]
    return tokenizer(inputs, text_target=targets, max_length=128, truncation=True)


tokenized_books = books.map(preprocess_function, batched=True)
data_collator = DataCollatorForSeq2Seq(tokenizer=tokenizer, model=args.checkpoint, return_tensors="tf")

optimizer = AdamWeightDecay(learning_rate=2e-5,
                            weight_decay_rate=0.01)  # expect: WD203
model = TFAutoModelForSeq2SeqLM.from_pretrained(args.checkpoint)

tf_train_set = model.prepare_tf_dataset(tokenized_books["train"], shuffle=True,
                                        batch_size=args.batch_size, collate_fn=data_collator)
tf_test_set = model.prepare_tf_dataset(tokenized_books["test"], shuffle=False,
                                       batch_size=args.batch_size, collate_fn=data_collator)

model.compile(optimizer=optimizer)  # the model computes its own seq2seq loss


def metric_fn(eval_preds):
    preds, labels = eval_preds
    labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
    return compute_sacrebleu(tokenizer.batch_decode(preds, skip_special_tokens=True),
                             tokenizer.batch_decode(labels, skip_special_tokens=True))


metric_callback = KerasMetricCallback(metric_fn=metric_fn, eval_dataset=tf_test_set,
                                      predict_with_generate=True)
model.fit(x=tf_train_set, validation_data=tf_test_set, epochs=args.epochs, callbacks=[metric_callback])
