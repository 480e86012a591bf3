# Idiom seen in: Max1993Liu/tensorflow2-models Recommendation/Deep-and-Cross/main.py
# What it reproduces: a build_deep_and_cross() factory (embeddings for discrete features, a custom CrossLayer with
#   add_weight(regularizer=...), Dense layers with kernel_regularizer) compiled and trained with fit. Clean: fit adds model.losses.
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import StratifiedShuffleSplit

from deep_and_cross import build_deep_and_cross


def reverse_onehot(df):
    return df.dot(np.array(range(df.shape[1]))).astype(int)


def prepare():
    df = pd.read_csv('./data/covtype.csv')
    target_col = 'Cover_Type'
    continuous_cols = [c for c in df if c != target_col and 'Soil' not in c and 'Wilderness' not in c]
    df['soil_type'] = reverse_onehot(df[[c for c in df if 'Soil' in c]])
    df['wilderness_area'] = reverse_onehot(df[[c for c in df if 'Wilderness' in c]])
    discrete_feature_size = {'soil_type': df['soil_type'].nunique(),
                             'wilderness_area': df['wilderness_area'].nunique()}
    y = df[target_col].values - 1
    train_idx, test_idx = next(StratifiedShuffleSplit(test_size=0.1, random_state=1024).split(df, y))

    def split(idx):
        return {'soil_type': df.loc[idx, 'soil_type'].values,
                'wilderness_area': df.loc[idx, 'wilderness_area'].values,
                'continuous_features': df.loc[idx, continuous_cols].values.astype(float)}
    return discrete_feature_size, len(continuous_cols), split(train_idx), y[train_idx], split(test_idx), y[test_idx]


discrete_feature_size, continuous_feature_size, X_train, y_train, X_test, y_test = prepare()

DCN = build_deep_and_cross(discrete_feature_size, continuous_feature_size)
DCN.compile(optimizer=tf.optimizers.Adam(1e-2), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
DCN.fit(x=X_train, y=y_train, validation_data=(X_test, y_test), batch_size=32, epochs=5, shuffle=True)
