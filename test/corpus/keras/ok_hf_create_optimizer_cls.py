# Idiom seen in: huggingface/notebooks examples/text_classification-tf.ipynb
# What it reproduces: GLUE fine-tuning with transformers.create_optimizer(..., weight_decay_rate=0.01), which builds an
#   AdamWeightDecay that excludes LayerNorm and bias from the decay, compiled on a TF model with no regularizer: clean.
import argparse

import tensorflow as tf
from datasets import load_dataset
from transformers import AutoTokenizer, TFAutoModelForSequenceClassification, create_optimizer

parser = argparse.ArgumentParser()
parser.add_argument("--task", default="sst2")
parser.add_argument("--model_checkpoint", default="distilbert-base-uncased")
parser.add_argument("--batch_size", default=16, type=int)
parser.add_argument("--num_epochs", default=3, type=int)
parser.add_argument("--weight_decay", default=0.01, type=float)
args = parser.parse_args()

dataset = load_dataset("glue", args.task)
tokenizer = AutoTokenizer.from_pretrained(args.model_checkpoint, use_fast=True)


def preprocess_function(examples):
    return tokenizer(examples["sentence"], truncation=True)


encoded = dataset.map(preprocess_function, batched=True)
model = TFAutoModelForSequenceClassification.from_pretrained(args.model_checkpoint, num_labels=2)

train_set = model.prepare_tf_dataset(encoded["train"], shuffle=True, batch_size=args.batch_size,
                                     tokenizer=tokenizer)
validation_set = model.prepare_tf_dataset(encoded["validation"], shuffle=False,
                                          batch_size=args.batch_size, tokenizer=tokenizer)

num_train_steps = len(train_set) * args.num_epochs
optimizer, schedule = create_optimizer(
    init_lr=2e-5, num_warmup_steps=0, num_train_steps=num_train_steps,
    weight_decay_rate=args.weight_decay)
model.compile(optimizer=optimizer)

model.fit(train_set, validation_data=validation_set, epochs=args.num_epochs)
