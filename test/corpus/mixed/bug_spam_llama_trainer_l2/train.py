# Idiom seen in: Kasyfil97/indo-spam-chatbot train.py
# Idiom seen in: Kasyfil97/indo-spam-chatbot model/model.py
# What it reproduces: the entry point loads a Llama sequence classifier, freezes all but the score head and the
#   last blocks, and trains with ModelTrainer; the unfrozen weights get both Trainer decay and the explicit L2.
import torch
from transformers import AutoTokenizer, DataCollatorWithPadding, LlamaForSequenceClassification

from config import MODEL_CONFIG, TRAINING_CONFIG
from data import DatasetLoader
from model_trainer import ModelTrainer


def load_model(cfg, tokenizer):
    model = LlamaForSequenceClassification.from_pretrained(
        cfg["base_model"], num_labels=cfg["num_labels"], torch_dtype=torch.bfloat16
    )
    model.config.pad_token_id = tokenizer.pad_token_id
    for param in model.parameters():
        param.requires_grad = False
    if cfg["score_layer_to_unfreeze"]:
        for param in model.score.parameters():
            param.requires_grad = True
    for block in model.model.layers[-cfg["num_last_block_to_unfreeze"]:]:
        for param in block.parameters():
            param.requires_grad = True
    return model


if __name__ == '__main__':
    tokenizer = AutoTokenizer.from_pretrained(MODEL_CONFIG["base_model"])
    tokenizer.pad_token = tokenizer.eos_token

    data_handler = DatasetLoader("data/indo_spam.csv")
    tokenized_datasets = data_handler.tokenized(tokenizer, MODEL_CONFIG["max_len"])

    model = load_model(MODEL_CONFIG, tokenizer)
    collate_fn = DataCollatorWithPadding(tokenizer=tokenizer)

    model_trainer = ModelTrainer(TRAINING_CONFIG)
    trainer = model_trainer.train(tokenized_datasets, model, tokenizer, collate_fn)
    trainer.save_model(TRAINING_CONFIG["output_dir"])
