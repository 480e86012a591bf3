# Idiom seen in: nateraw/huggingpics huggingpics/classifier.py
# What it reproduces: HuggingPics' LightningModule wrapping a Hugging Face ViT; the user switches
# configure_optimizers to AdamW(self.parameters(), weight_decay=0.01) but keeps an older explicit L2
# penalty in training_step: the weights are decayed twice, and LayerNorm/bias params by AdamW too.
import argparse

import pytorch_lightning as pl
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder
from transformers import ViTFeatureExtractor, ViTForImageClassification

from classifier import Classifier
from huggingpics.data import ImageClassificationCollator


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', default='images')
    parser.add_argument('--model_name_or_path', default='google/vit-base-patch16-224-in21k')
    parser.add_argument('--lr', type=float, default=2e-5)
    parser.add_argument('--max_epochs', type=int, default=4)
    args = parser.parse_args()

    ds = ImageFolder(args.data_dir)
    label2id = {label: str(i) for i, label in enumerate(ds.classes)}
    id2label = {str(i): label for i, label in enumerate(ds.classes)}

    feature_extractor = ViTFeatureExtractor.from_pretrained(args.model_name_or_path)
    model = ViTForImageClassification.from_pretrained(
        args.model_name_or_path, num_labels=len(label2id), label2id=label2id, id2label=id2label)
    collator = ImageClassificationCollator(feature_extractor)
    train_loader = DataLoader(ds, batch_size=8, collate_fn=collator, num_workers=2, shuffle=True)

    pl.seed_everything(42)
    classifier = Classifier(model, lr=args.lr)
    trainer = pl.Trainer(gpus=1, precision=16, max_epochs=args.max_epochs)
    trainer.fit(classifier, train_loader)


if __name__ == '__main__':
    main()
