# Idiom seen in: paulohl/hugging_face_diffusers_manuscript HFDL_book_root/HFD_Chapter01_code_examples/Ch01-12_train_setup.py
# What it reproduces: a book chapter setup module holding TrainingArguments(weight_decay=0.01), used by a
#   Trainer subclass whose compute_loss only re-weights the cross entropy (no penalty); the Trainer builds
#   its own AdamW with biases/LayerNorm excluded. Clean.
from transformers import TrainingArguments

# Training arguments
training_args = TrainingArguments(
    output_dir='./results',
    num_train_epochs=3,
    per_device_train_batch_size=4,
    per_device_eval_batch_size=4,
    warmup_steps=500,
    weight_decay=0.01,
    evaluation_strategy="epoch",
    logging_dir='./logs',
)
