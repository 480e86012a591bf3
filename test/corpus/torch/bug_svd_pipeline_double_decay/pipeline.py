# Idiom seen in: bohyunshin/recommender recommender/pipeline/torch.py
# Idiom seen in: bohyunshin/recommender recommender/libs/utils/parse_args.py
# What it reproduces: the repository's torch training pipeline, whose SGD had no weight_decay (the penalty lives in the
#   loss); here the user also passes weight_decay=args.regularization to SGD (user mistake), so the embeddings get the
#   optimizer's decay on top of the explicit penalty, and the bias embeddings are decayed as well.
import argparse
import copy
import logging

import torch
from torch import optim

from model import Model
from data_loader import load_movielens, PrepareModelDataTorch


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=str, default="movielens")
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--regularization", type=float, default=1e-4)
    parser.add_argument("--batch_size", type=int, default=128)
    parser.add_argument("--num_factors", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--train_ratio", type=float, default=0.8)
    parser.add_argument("--patience", type=int, default=5)
    parser.add_argument("--device", type=str, default="cpu")
    return parser.parse_args()


class TorchTrainPipeline:
    def run(self, args):
        data = load_movielens(args.dataset)
        self.prepare_model_data = PrepareModelDataTorch(batch_size=args.batch_size, train_ratio=args.train_ratio)
        self.train_dataloader, self.validation_dataloader = self.prepare_model_data.get_train_validation_data(data)
        self.num_users = data["num_users"]
        self.num_items = data["num_items"]
        self._setup_model(args, data)
        self._train(args)

    def _setup_model(self, args, data):
        self.model = Model(
            user_ids=torch.tensor(list(data["user_id2idx"].values())),
            item_ids=torch.tensor(list(data["item_id2idx"].values())),
            num_users=self.num_users,
            num_items=self.num_items,
            num_factors=args.num_factors,
            mu=self.prepare_model_data.mu,
        ).to(args.device)

        self.optimizer = optim.SGD(self.model.parameters(), lr=args.lr, weight_decay=args.regularization)  # expect: WD203

    def _run_train_epoch(self, args):
        self.model.train()
        tr_loss = 0.0
        for user_id, item_id, y_train in self.train_dataloader:
            self.optimizer.zero_grad()
            y_pred = self.model(user_id, item_id)
            loss = self.model.calculate_loss(
                y_pred=y_pred,
                y=y_train.to(args.device),
                params=[param for param in self.model.parameters()],
                regularization=args.regularization,
                user_idx=user_id,
                item_idx=item_id,
                num_users=self.num_users,
                num_items=self.num_items,
            )
            loss.backward()
            self.optimizer.step()
            tr_loss += loss.item()
        return round(tr_loss / len(self.train_dataloader), 6)

    def _run_validation_epoch(self, args):
        self.model.eval()
        with torch.no_grad():
            val_loss = 0.0
            for user_id, item_id, y_val in self.validation_dataloader:
                y_pred = self.model(user_id, item_id)
                val_loss += torch.nn.functional.mse_loss(y_pred, y_val.squeeze()).item()
            return round(val_loss / len(self.validation_dataloader), 6)

    def _train(self, args):
        best_loss = float("inf")
        patience = args.patience
        for epoch in range(args.epochs):
            tr_loss = self._run_train_epoch(args)
            val_loss = self._run_validation_epoch(args)
            self.model.tr_loss.append(tr_loss)
            self.model.val_loss.append(val_loss)
            logging.info(f"epoch {epoch}: train {tr_loss} / validation {val_loss}")
            if val_loss < best_loss:
                best_loss = val_loss
                self.best_model_weights = copy.deepcopy(self.model.state_dict())
                patience = args.patience
            else:
                patience -= 1
                if patience == 0:
                    break


if __name__ == "__main__":
    TorchTrainPipeline().run(parse_args())
