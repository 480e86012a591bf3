# Idiom seen in: huggingface/notebooks examples/language_modeling-tf.ipynb
# What it reproduces: the notebook's causal-LM fine-tuning with transformers.AdamWeightDecay(learning_rate=2e-5,
#   weight_decay_rate=0.01) and no exclude_from_weight_decay, compiled on the TF model: the decoupled decay also hits every
#   bias and LayerNorm weight of the model (the notebook's and the Transformers TF docs' idiom, kept as is).
import argparse

import tensorflow as tf
from datasets import load_dataset
from transformers import AdamWeightDecay, AutoTokenizer, TFAutoModelForCausalLM

parser = argparse.ArgumentParser()
parser.add_argument("--model_checkpoint", default="distilgpt2")
parser.add_argument("--block_size", default=128, type=int)
parser.add_argument("--epochs", default=2, type=int)
args = parser.parse_args()

datasets = load_dataset("wikitext", "wikitext-2-raw-v1")
tokenizer = AutoTokenizer.from_pretrained(args.model_checkpoint)


def tokenize_function(examples):
    return tokenizer(examples["text"])


def group_texts(examples):
    concatenated = {k: sum(examples[k], []) for k in examples.keys()}
    total_length = (len(concatenated[list(examples.keys())[0]]) // args.block_size) * args.block_size
    result = {k: [t[i: i + args.block_size] for i in range(0, total_length, args.block_size)]
              for k, t in concatenated.items()}
    result["labels"] = result["input_ids"].copy()
    return result


tokenized = datasets.map(tokenize_function, batched=True, num_proc=4, remove_columns=["text"])
lm_datasets = tokenized.map(group_texts, batched=True, batch_size=1000, num_proc=4)

model = TFAutoModelForCausalLM.from_pretrained(args.model_checkpoint)

optimizer = AdamWeightDecay(learning_rate=2e-5, weight_decay_rate=0.01)  # expect: WD203
model.compile(optimizer=optimizer, jit_compile=True)

train_set = model.prepare_tf_dataset(lm_datasets["train"], shuffle=True, batch_size=16)
validation_set = model.prepare_tf_dataset(lm_datasets["validation"], shuffle=False, batch_size=16)

model.fit(train_set, validation_data=validation_set, epochs=args.epochs)
