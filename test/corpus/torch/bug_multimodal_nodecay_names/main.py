# Idiom seen in: briskdust/masked-multimodal-learning main.py
# What it reproduces: the entry point wiring the dataclass config, the encoder and setup_training; the
#   contrastive loss computed by the trainer is what backward() differentiates.
import torch
from torch.utils.data import DataLoader
from transformers import BertTokenizer

from data.dataset import MultimodalDataset
from encoder import MultimodalEncoder
from trainer.trainer import MaskedMultimodalTrainer
from training import setup_training
from training_config import TrainingConfig


def train_model(config: TrainingConfig, train_dataset):
    train_dataloader = DataLoader(train_dataset, batch_size=config.batch_size, shuffle=True)
    model = MultimodalEncoder()
    tokenizer = BertTokenizer.from_pretrained("bert-base-uncased")
    trainer = MaskedMultimodalTrainer(model, tokenizer)
    device, model, optimizer, scheduler, scaler, writer = setup_training(config, model, train_dataloader)

    step = 0
    for epoch in range(config.num_epochs):
        model.train()
        for images, texts in train_dataloader:
            images = images.to(device)
            with torch.cuda.amp.autocast():
                loss = trainer.training_step(images, texts)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), config.max_grad_norm)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad()
            scheduler.step()
            writer.add_scalar("train/loss", loss.item(), step)
            step += 1


if __name__ == "__main__":
    config = TrainingConfig()
    train_dataset = MultimodalDataset(image_paths=[], texts=[])
    train_model(config, train_dataset)
