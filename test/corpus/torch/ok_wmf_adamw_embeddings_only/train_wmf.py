# Idiom seen in: maksbilski/playlist_recommendation_system models/training.py
# Idiom seen in: maksbilski/playlist_recommendation_system models/wmf.py
# What it reproduces: the training script of the playlist service: WMF with default bias=False and the
#   AdamW trainer; data from the project's processing module, which the folder does not hold.
import torch

from models.wmf import WMF
from models.training import WMFTrainer
from data.data_processing import load_interactions, make_loader

if __name__ == '__main__':
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    interactions, n_users, n_items = load_interactions('data/processed/sessions.jsonl')
    train_loader = make_loader(interactions, batch_size=1024, shuffle=True)

    model = WMF(n_users=n_users, n_items=n_items, embedding_dim=32, dropout_rate=0.1, init=True)
    trainer = WMFTrainer(model, train_loader, device)
    model = trainer.train_with_weight_decay(epochs=20, learning_rate=1e-3, weight_decay=0.01)
    torch.save(model.state_dict(), 'models/wmf.pt')
