# Idiom seen in: MarkZakelj/openpose-extrapolation model.py
# What it reproduces: fitting the pose-extrapolation autoencoder on partial/complete keypoint pairs.
import lightning as L
from torch.utils.data import DataLoader

from model import LitAutoEncoder
from pose_dataset import PoseCompletionDataset  # not in this workspace

train_set = PoseCompletionDataset("data/poses_train.json", drop_prob=0.3)
val_set = PoseCompletionDataset("data/poses_val.json", drop_prob=0.3)
train_loader = DataLoader(train_set, batch_size=128, shuffle=True, num_workers=4)
val_loader = DataLoader(val_set, batch_size=256, num_workers=4)

autoencoder = LitAutoEncoder()
trainer = L.Trainer(max_epochs=200, log_every_n_steps=20)
trainer.fit(model=autoencoder, train_dataloaders=train_loader, val_dataloaders=val_loader)
