# Idiom seen in: huggingface/course chapters/en/chapter7/2.mdx
# What it reproduces: the course's TensorFlow token-classification recipe (here: biomedical NER on ncbi_disease):
#   transformers.create_optimizer(weight_decay_rate=0.01) returns an AdamWeightDecay that excludes LayerNorm and
#   bias by default, and model.compile + model.fit train on the model's own loss: clean.
import tensorflow as tf
from datasets import load_dataset
from transformers import (AutoTokenizer, DataCollatorForTokenClassification, TFAutoModelForTokenClassification,
                          create_optimizer)

model_checkpoint = "bert-base-cased"
raw_datasets = load_dataset("ncbi_disease")
label_names = raw_datasets["train"].features["ner_tags"].feature.names
id2label = {i: label for i, label in enumerate(label_names)}
label2id = {v: k for k, v in id2label.items()}
tokenizer = AutoTokenizer.from_pretrained(model_checkpoint)


def align_labels_with_tokens(labels, word_ids):
    new_labels = []
    current_word = None
    for word_id in word_ids:
        if word_id != current_word:
            current_word = word_id
            new_labels.append(-100 if word_id is None else labels[word_id])
        elif word_id is None:
            new_labels.append(-100)
        else:
            label = labels[word_id]
            if label % 2 == 1:
                label += 1
            new_labels.append(label)
    return new_labels


def tokenize_and_align_labels(examples):
    tokenized_inputs = tokenizer(examples["tokens"], truncation=True, is_split_into_words=True)
    all_labels = examples["ner_tags"]
    tokenized_inputs["labels"] = [align_labels_with_tokens(labels, tokenized_inputs.word_ids(i))
                                  for i, labels in enumerate(all_labels)]
    return tokenized_inputs


tokenized_datasets = raw_datasets.map(tokenize_and_align_labels, batched=True,
                                      remove_columns=raw_datasets["train"].column_names)
data_collator = DataCollatorForTokenClassification(tokenizer=tokenizer, return_tensors="tf")

tf_train_dataset = tokenized_datasets["train"].to_tf_dataset(
    columns=["attention_mask", "input_ids", "labels", "token_type_ids"],
    collate_fn=data_collator, shuffle=True, batch_size=16)
tf_eval_dataset = tokenized_datasets["validation"].to_tf_dataset(
    columns=["attention_mask", "input_ids", "labels", "token_type_ids"],
    collate_fn=data_collator, shuffle=False, batch_size=16)

model = TFAutoModelForTokenClassification.from_pretrained(model_checkpoint, id2label=id2label, label2id=label2id)

tf.keras.mixed_precision.set_global_policy("mixed_float16")
num_epochs = 3
num_train_steps = len(tf_train_dataset) * num_epochs

optimizer, schedule = create_optimizer(
    init_lr=2e-5,
    num_warmup_steps=0,
    num_train_steps=num_train_steps,
    weight_decay_rate=0.01,
)
model.compile(optimizer=optimizer)

model.fit(tf_train_dataset, validation_data=tf_eval_dataset, epochs=num_epochs)
