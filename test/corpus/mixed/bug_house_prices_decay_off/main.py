# Idiom seen in: Arnaud15/house_prices_mlp house_prices_mlp/main.py
# What it reproduces: the optimizer chosen inline, optax.adamw(lr, weight_decay=decay_rate) if args.weight_decay
#   else optax.adam(lr); the only Args built sets weight_decay=False, so the decoupled decay is never used
#   (WD303), exactly as the repo's script runs.
import os
import sys

import jax.numpy as jnp
import jax.random as random
import numpy as np
import optax
import pandas as pd

from data_loader import get_dataset, train_test_split_pandas
from hp_tuning import Args
from models import CustomMLP
from preprocess import get_transformed_data
from training_loop import train


def house_prices_mlp(args):
    seed = 1515151555
    train_data_full = pd.read_csv(os.path.join("data", "train.csv")).iloc[:, 1:]
    test_data_full = pd.read_csv(os.path.join("data", "test.csv"))
    np.random.seed(seed)

    train_data, eval_data = train_test_split_pandas(train_data_full)
    train_transformed, eval_transformed, test_transformed, cardinalities = get_transformed_data(
        train_data=train_data, eval_data=eval_data, test_data=test_data_full, transforms=None)

    train_dataset = get_dataset(x_num=train_transformed.X_num, x_cat=train_transformed.X_cat.astype(int),
                                y_data=train_transformed.y, batch_size=args.batch_size,
                                buffer_size=len(train_data), single_batch=args.single_batch)
    eval_dataset = get_dataset(x_num=eval_transformed.X_num, x_cat=eval_transformed.X_cat.astype(int),
                               y_data=eval_transformed.y, batch_size=len(eval_data),
                               buffer_size=len(eval_data), single_batch=False)

    model = CustomMLP(
        layer_sizes=[args.hidden_size for _ in range(args.n_layers)] + [1],
        vocab_sizes=[card + 1 for card in cardinalities],
        embed_size=args.embed_size,
        dropout_rate=args.dropout_rate,
        dropout=args.dropout_enabled,
        bias=train_transformed.y.mean(),
        batch_norm=args.batch_norm,
        residuals=args.resnet,
    )

    trained_params, eval_loss = train(
        rng=random.PRNGKey(seed),
        model=model,
        optimizer=optax.adamw(
            args.lr, weight_decay=args.decay_rate,  # TODO mask=decay_mask
        )
        if args.weight_decay  # expect: WD303
        else optax.adam(args.lr),
        train_dataset=train_dataset,
        eval_dataset=eval_dataset,
        num_epochs=args.n_epochs,
        cat_input_shape=(args.batch_size, train_transformed.X_cat.shape[1],),
        num_input_shape=(args.batch_size, train_transformed.X_num.shape[1],),
        hist_every=1,
        print_every=1,
    )
    print(f"Evaluation RMSE after training: {eval_loss:.3f}")
    predictions = jnp.exp(model.apply(trained_params, test_transformed.X_num,
                                      test_transformed.X_cat.astype(int), train=False))
    return eval_loss, predictions


if __name__ == "__main__":
    try:
        n_epochs = int(sys.argv[1])
    except (ValueError, IndexError):
        n_epochs = 1000
    args = Args(
        embed_size=3,
        batch_size=32,
        lr=1e-4,
        n_layers=5,
        n_epochs=n_epochs,
        hidden_size=32,
        dropout_enabled=False,
        dropout_rate=0.0,
        single_batch=False,
        weight_decay=False,
        decay_rate=1e-5,
        batch_norm=True,
        resnet=True,
    )
    house_prices_mlp(args)
